#!/usr/bin/env escript
%% spawn_link/1 links before the child runs: even a child that crashes at once is reported
%% through the link, never as noproc.
-include("../scenario.hrl").
main(_) ->
    process_flag(trap_exit, true),
    Ok = spawn_link(fun() -> ok end),
    receive {'EXIT', Ok, R1} -> io:format("child returned: ~p~n", [R1]) end,
    Crash = spawn_link(fun() -> error(boom) end),
    receive {'EXIT', Crash, R2} -> io:format("child crashed at once: ~p~n", [head(R2)]) end,
    %% A parent that does not trap exits goes down with its child.
    Self = self(),
    {Parent, Ref} = spawn_monitor(fun() ->
        spawn_link(fun() -> receive go -> exit(child_failed) end end) ! go,
        receive never -> Self ! survived end
    end),
    receive {'DOWN', Ref, process, Parent, R3} -> io:format("non-trapping parent: ~p~n", [R3]) end.
