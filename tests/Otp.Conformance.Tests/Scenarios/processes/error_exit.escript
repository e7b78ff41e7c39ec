#!/usr/bin/env escript
%% A process that raises an error it does not catch ends with an error reason: the error and
%% where it happened (here: its head, since stack traces cannot match across runtimes).
-include("../scenario.hrl").
main(_) ->
    {P, Ref} = spawn_monitor(fun() -> error(boom) end),
    receive
        {'DOWN', Ref, process, P, Reason} ->
            io:format("error(boom): ~p~n", [head(Reason)]),
            io:format("the reason carries more than the error: ~p~n", [Reason =/= boom])
    end,
    {P2, Ref2} = spawn_monitor(fun() -> no_such_name ! hello end),
    receive {'DOWN', Ref2, process, P2, Reason2} -> io:format("send to a free name: ~p~n", [head(Reason2)]) end,
    %% A caught error does not end the process.
    Self = self(),
    {P3, Ref3} = spawn_monitor(fun() ->
        R = try error(boom) catch error:E -> {caught, E} end,
        Self ! R
    end),
    receive Caught -> io:format("~s~n", [show(Caught)]) end,
    receive {'DOWN', Ref3, process, P3, Reason3} -> io:format("after catching: ~p~n", [Reason3]) end.
