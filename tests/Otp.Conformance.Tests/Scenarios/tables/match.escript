#!/usr/bin/env escript
%% match/2 and match_object/2 with '_' and '$N': objects in key order for an ordered set,
%% bindings listed by variable number, a variable used twice must bind equal terms, nested tuples
%% are patterns too, and a pattern with a fully given key only looks at that key.
-include("../scenario.hrl").
main(_) ->
    O = ets:new(o, [ordered_set]),
    ets:insert(O, [{b, 2, x}, {a, 1, y}, {c, 1, y}, {d, {1, 2}, z}, {e, e, e}]),
    io:format("match {'$2','_','$1'}: ~s~n", [show(ets:match(O, {'$2', '_', '$1'}))]),
    io:format("match_object {'_',1,'_'}: ~s~n", [show(ets:match_object(O, {'_', 1, '_'}))]),
    io:format("match_object {b,'_','_'}: ~s~n", [show(ets:match_object(O, {b, '_', '_'}))]),
    io:format("match {'$1','$1','_'}: ~s~n", [show(ets:match(O, {'$1', '$1', '_'}))]),
    io:format("match {'_',{'$1','_'},'_'}: ~s~n", [show(ets:match(O, {'_', {'$1', '_'}, '_'}))]),
    io:format("match a shorter tuple: ~s~n", [show(ets:match_object(O, {'_', '_'}))]),
    B = ets:new(b, [bag]),
    ets:insert(B, [{k, 1}, {k, 2}, {j, 1}]),
    io:format("bag match_object {'_',1}: ~s~n", [show(lists:sort(ets:match_object(B, {'_', 1})))]),
    io:format("bag match {k,'$1'}: ~s~n", [show(ets:match(B, {k, '$1'}))]).
