#!/usr/bin/env escript
%% A monitor taken on a registered name reports the process as {Name, Node} in its DOWN.
-include("../scenario.hrl").
main(_) ->
    register(service, spawn(fun() -> receive stop -> exit(done) end end)),
    Ref = monitor(process, service),
    service ! stop,
    receive {'DOWN', Ref, process, Item, Reason} = Down ->
        io:format("~s~n", [show(Down)]),
        io:format("item: ~w, reason: ~p~n", [Item, Reason])
    end.
