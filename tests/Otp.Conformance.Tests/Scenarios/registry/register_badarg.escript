#!/usr/bin/env escript
%% register/2 and unregister/1 fail with badarg: a taken name, a process that already has a
%% name, a dead process, the reserved name undefined, unregistering a free name.
-include("../scenario.hrl").
main(_) ->
    A = spawn(fun() -> receive stop -> ok end end),
    B = spawn(fun() -> receive stop -> ok end end),
    true = register(first, A),
    io:format("name taken: ~p~n", [outcome(fun() -> register(first, B) end)]),
    io:format("process already named: ~p~n", [outcome(fun() -> register(second, A) end)]),
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    io:format("dead process: ~p~n", [outcome(fun() -> register(ghost, Dead) end)]),
    io:format("name undefined: ~p~n", [outcome(fun() -> register(undefined, B) end)]),
    io:format("unregister a free name: ~p~n", [outcome(fun() -> unregister(nobody) end)]),
    io:format("the name still belongs to the first: ~p~n", [whereis(first) =:= A]),
    io:format("the second can take another name: ~p~n", [outcome(fun() -> register(second, B) end)]).
