#!/usr/bin/env escript
%% The four kinds of table on the same inserts: a set keeps the last object of a key (and tells
%% 1 from 1.0), an ordered set keeps keys in term order (1 and 1.0 are one key), a bag keeps
%% distinct objects of a key in insertion order, a duplicate bag keeps every copy. Then
%% insert_new, member, delete and delete_object on each.
-include("../scenario.hrl").
main(_) ->
    [kind(Type) || Type <- [set, ordered_set, bag, duplicate_bag]],
    ok.

kind(Type) ->
    T = ets:new(t, [Type]),
    ets:insert(T, {b, 1}),
    ets:insert(T, {a, 2}),
    ets:insert(T, {b, 3}),
    ets:insert(T, {b, 1}),
    ets:insert(T, {1, int}),
    ets:insert(T, {1.0, float}),
    io:format("~w: lookup b ~s~n", [Type, show(ets:lookup(T, b))]),
    io:format("~w: lookup 1 ~s, lookup 1.0 ~s~n", [Type, show(ets:lookup(T, 1)), show(ets:lookup(T, 1.0))]),
    io:format("~w: size ~w~n", [Type, ets:info(T, size)]),
    io:format("~w: all ~s~n", [Type, show(in_order(Type, ets:tab2list(T)))]),
    io:format("~w: insert_new {a,9} ~w, {c,9} ~w~n", [Type, ets:insert_new(T, {a, 9}), ets:insert_new(T, {c, 9})]),
    io:format("~w: member a ~w, z ~w~n", [Type, ets:member(T, a), ets:member(T, z)]),
    ets:delete_object(T, {b, 1}),
    io:format("~w: after delete_object {b,1} ~s~n", [Type, show(ets:lookup(T, b))]),
    ets:delete(T, b),
    io:format("~w: after delete b ~s, size ~w~n", [Type, show(ets:lookup(T, b)), ets:info(T, size)]),
    io:format("~w: info type ~w, protection ~w, keypos ~w, named ~w~n",
              [Type, ets:info(T, type), ets:info(T, protection), ets:info(T, keypos), ets:info(T, named_table)]).

%% An ordered set has an order of its own; the others have none, so they are sorted to compare.
in_order(ordered_set, Objects) -> Objects;
in_order(_, Objects) -> lists:sort(Objects).
