#!/usr/bin/env escript
%% update_counter/3,4: adds to the element after the key, or at a given position; returns the
%% new value; inserts the default (with the key put in) for a missing key. badarg: a missing key
%% without default, the key's own position, a position past the end, an element that is not an
%% integer, a bag. Decrements go below zero.
-include("../scenario.hrl").
main(_) ->
    S = ets:new(s, [set]),
    ets:insert(S, {hits, 1, 10}),
    io:format("+5: ~w~n", [ets:update_counter(S, hits, 5)]),
    io:format("{3,-4}: ~w~n", [ets:update_counter(S, hits, {3, -4})]),
    io:format("-20: ~w~n", [ets:update_counter(S, hits, -20)]),
    io:format("object: ~s~n", [show(ets:lookup(S, hits))]),
    io:format("default: ~w ~s~n", [ets:update_counter(S, misses, 2, {misses, 40}), show(ets:lookup(S, misses))]),
    io:format("default with another key: ~w ~s~n", [ets:update_counter(S, other, 1, {zzz, 7}), show(ets:lookup(S, other))]),
    io:format("missing key: ~s~n", [show(outcome(fun() -> ets:update_counter(S, nobody, 1) end))]),
    io:format("key position: ~s~n", [show(outcome(fun() -> ets:update_counter(S, hits, {1, 1}) end))]),
    io:format("past the end: ~s~n", [show(outcome(fun() -> ets:update_counter(S, hits, {9, 1}) end))]),
    ets:insert(S, {text, abc}),
    io:format("not an integer: ~s~n", [show(outcome(fun() -> ets:update_counter(S, text, 1) end))]),
    io:format("unchanged after errors: ~s~n", [show(ets:lookup(S, hits))]),
    O = ets:new(o, [ordered_set]),
    ets:insert(O, {1, 0}),
    io:format("ordered set, key 1.0: ~w ~s~n", [ets:update_counter(O, 1.0, 3), show(ets:tab2list(O))]),
    B = ets:new(b, [bag]),
    ets:insert(B, {k, 1}),
    io:format("bag: ~s~n", [show(outcome(fun() -> ets:update_counter(B, k, 1) end))]),
    %% Many processes, one counter: no increment is lost.
    P = ets:new(p, [public, {write_concurrency, true}]),
    ets:insert(P, {n, 0}),
    Self = self(),
    Pids = [spawn(fun() -> [ets:update_counter(P, n, 1) || _ <- lists:seq(1, 1000)], Self ! done end) || _ <- lists:seq(1, 8)],
    [receive done -> ok end || _ <- Pids],
    io:format("8 processes x 1000: ~s~n", [show(ets:lookup(P, n))]).
