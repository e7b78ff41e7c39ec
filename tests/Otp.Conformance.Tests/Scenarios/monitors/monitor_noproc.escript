#!/usr/bin/env escript
%% Monitoring a process that has ended, or a name nobody holds, still returns a reference, and a
%% DOWN with reason noproc follows at once.
-include("../scenario.hrl").
main(_) ->
    {Dead, R0} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R0, process, Dead, _} -> ok end,
    Ref = monitor(process, Dead),
    receive {'DOWN', Ref, process, Dead, Reason} -> io:format("dead pid: ~p~n", [Reason]) end,
    Ref2 = monitor(process, nobody),
    receive {'DOWN', Ref2, process, _, _} = Down -> io:format("free name: ~s~n", [show(Down)]) end,
    io:format("mailbox: ~s~n", [show(drain())]).
