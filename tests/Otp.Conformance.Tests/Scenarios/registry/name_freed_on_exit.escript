#!/usr/bin/env escript
%% A process's name is freed when it ends, however it ends, and can then be taken again.
-include("../scenario.hrl").
main(_) ->
    A = spawn(fun() -> receive stop -> ok end end),
    register(service, A),
    RefA = monitor(process, A),
    A ! stop,
    receive {'DOWN', RefA, process, A, R1} -> io:format("first ended: ~p~n", [R1]) end,
    io:format("whereis: ~p~n", [whereis(service)]),
    io:format("registered: ~p~n", [lists:member(service, registered())]),
    B = spawn(fun() -> receive never -> ok end end),
    io:format("name taken again: ~p~n", [register(service, B)]),
    RefB = monitor(process, B),
    exit(B, kill),
    receive {'DOWN', RefB, process, B, R2} -> io:format("second ended: ~p~n", [R2]) end,
    io:format("whereis: ~p~n", [whereis(service)]),
    {C, RefC} = spawn_monitor(fun() -> register(service, self()), error(crash) end),
    receive {'DOWN', RefC, process, C, R3} -> io:format("third ended: ~p~n", [head(R3)]) end,
    io:format("whereis: ~p~n", [whereis(service)]).
