#!/usr/bin/env escript
%% The order of the objects of one key in a bag and a duplicate bag: single inserts append; a
%% list inserted into a bag goes in last object first (and an object equal to one already there,
%% or earlier in the list, is dropped); a duplicate bag takes a list in order.
-include("../scenario.hrl").
main(_) ->
    B = ets:new(b, [bag]),
    ets:insert(B, {k, 1}),
    ets:insert(B, {k, 2}),
    io:format("bag, one by one: ~s~n", [show(ets:lookup(B, k))]),
    ets:insert(B, [{k, 5}, {k, 6}, {k, 1}, {j, 1}, {k, 7}, {k, 6}]),
    io:format("bag, then a list: ~s~n", [show(ets:lookup(B, k))]),
    D = ets:new(d, [duplicate_bag]),
    ets:insert(D, {k, 1}),
    ets:insert(D, {k, 2}),
    ets:insert(D, [{k, 5}, {k, 6}, {k, 1}]),
    io:format("duplicate bag: ~s~n", [show(ets:lookup(D, k))]),
    ets:delete_object(D, {k, 1}),
    io:format("duplicate bag without {k,1}: ~s~n", [show(ets:lookup(D, k))]),
    ets:insert(D, {k, 1}),
    io:format("{k,1} again goes last: ~s~n", [show(ets:lookup(D, k))]).
