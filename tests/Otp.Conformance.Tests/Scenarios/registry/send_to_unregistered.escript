#!/usr/bin/env escript
%% Sending to a name nobody holds is a badarg error; sending to a dead pid is not an error.
-include("../scenario.hrl").
main(_) ->
    io:format("send to a free name: ~p~n", [outcome(fun() -> nobody ! hello, true end)]),
    P = spawn(fun() -> ok end),
    register(short_lived, spawn(fun() -> receive stop -> ok end end)),
    Ref = monitor(process, short_lived),
    short_lived ! stop,
    receive {'DOWN', Ref, process, _, _} -> ok end,
    io:format("send to the name of a dead process: ~p~n", [outcome(fun() -> short_lived ! hello, true end)]),
    wait_dead(P),
    io:format("send to a dead pid: ~p~n", [outcome(fun() -> P ! hello, true end)]).

wait_dead(P) ->
    case is_process_alive(P) of
        true -> timer:sleep(1), wait_dead(P);
        false -> ok
    end.
