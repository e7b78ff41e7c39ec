#!/usr/bin/env escript
%% Each monitor/2 call makes a separate monitor: two monitors, two references, two DOWNs.
-include("../scenario.hrl").
main(_) ->
    P = spawn(fun() -> receive stop -> ok end end),
    R1 = monitor(process, P),
    R2 = monitor(process, P),
    io:format("different references: ~p~n", [R1 =/= R2]),
    P ! stop,
    receive {'DOWN', R2, process, P, W2} -> io:format("second: ~p~n", [W2]) end,
    receive {'DOWN', R1, process, P, W1} -> io:format("first: ~p~n", [W1]) end,
    io:format("nothing more: ~s~n", [show(drain())]),
    Q = spawn(fun() -> receive stop -> ok end end),
    S1 = monitor(process, Q),
    S2 = monitor(process, Q),
    demonitor(S1),
    Q ! stop,
    receive {'DOWN', S2, process, Q, W3} -> io:format("the one left: ~p~n", [W3]) end,
    io:format("nothing more: ~s~n", [show(drain())]).
