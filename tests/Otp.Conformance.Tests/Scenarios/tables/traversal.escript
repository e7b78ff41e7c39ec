#!/usr/bin/env escript
%% first/next/last/prev. An ordered set walks its keys in term order (numbers < atoms < tuples <
%% binaries), both ways, and continues from a key it does not hold; past the end comes
%% '$end_of_table'. A set visits every key once in no particular order, its last/prev are its
%% first/next, and next of a key it does not hold is badarg.
-include("../scenario.hrl").
main(_) ->
    O = ets:new(o, [ordered_set]),
    ets:insert(O, [{K, v} || K <- [zeta, 3, {1, 2}, 2.5, <<"bin">>, alpha, -1, {0}]]),
    io:format("forward: ~s~n", [show(walk(O, ets:first(O), fun ets:next/2))]),
    io:format("backward: ~s~n", [show(walk(O, ets:last(O), fun ets:prev/2))]),
    io:format("next of missing 2: ~w, prev of missing 2: ~w~n", [ets:next(O, 2), ets:prev(O, 2)]),
    io:format("next of the last: ~w, prev of the first: ~w~n", [ets:next(O, <<"bin">>), ets:prev(O, -1)]),
    io:format("next past everything: ~w~n", [ets:next(O, <<"zzz">>)]),
    E = ets:new(e, [ordered_set]),
    io:format("empty: ~w ~w ~w~n", [ets:first(E), ets:last(E), ets:next(E, 1)]),
    S = ets:new(s, [set]),
    ets:insert(S, [{K, v} || K <- lists:seq(1, 50)]),
    Keys = walk(S, ets:first(S), fun ets:next/2),
    io:format("set visits: ~w keys, sorted ~s~n", [length(Keys), show(lists:sort(Keys) =:= lists:seq(1, 50))]),
    io:format("set last is first: ~w~n", [ets:last(S) =:= ets:first(S)]),
    io:format("set next of a missing key: ~s~n", [show(outcome(fun() -> ets:next(S, 999) end))]),
    B = ets:new(b, [bag]),
    ets:insert(B, [{k, 1}, {k, 2}, {j, 1}]),
    io:format("bag visits each key once: ~s~n", [show(lists:sort(walk(B, ets:first(B), fun ets:next/2)))]).

walk(_, '$end_of_table', _) -> [];
walk(T, K, Step) -> [K | walk(T, Step(T, K), Step)].
