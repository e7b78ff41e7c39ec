#!/usr/bin/env escript
%% exit(Partner, Reason) to a linked process comes back through the link: the partner dies with
%% Reason, and so does the caller, unless it traps exits (then it gets the 'EXIT', which it
%% forwards before it ends). A partner killed with kill sends back killed.
-include("../scenario.hrl").
main(_) ->
    report("caller not trapping, exit(W, foo)", false, foo),
    report("caller trapping, exit(W, foo)", true, foo),
    report("caller not trapping, exit(W, kill)", false, kill).

report(What, Trap, Reason) ->
    Self = self(),
    {Caller, Ref} = spawn_monitor(fun() ->
        process_flag(trap_exit, Trap),
        W = spawn_link(fun() -> receive never -> ok end end),
        exit(W, Reason),
        receive {'EXIT', W, Why} -> Self ! {caller_got, Why} end
    end),
    receive {'DOWN', Ref, process, Caller, R} -> io:format("~s: caller ended ~p~n", [What, R]) end,
    io:format("~s: mailbox ~s~n", [What, show(drain())]).
