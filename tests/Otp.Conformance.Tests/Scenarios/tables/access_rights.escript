#!/usr/bin/env escript
%% public, protected and private: what a process that is not the owner may do. Reads are
%% allowed on public and protected tables, writes only on public ones; deleting the table counts
%% as a write (any process may delete a public table); anyone may ask for its info. A forbidden
%% call is badarg.
-include("../scenario.hrl").
main(_) ->
    [rights(Access) || Access <- [public, protected, private]],
    ok.

rights(Access) ->
    T = ets:new(t, [Access]),
    ets:insert(T, {k, 1}),
    Self = self(),
    spawn(fun() ->
        Lines = [
            {lookup, outcome(fun() -> ets:lookup(T, k) end)},
            {member, outcome(fun() -> ets:member(T, k) end)},
            {insert, outcome(fun() -> ets:insert(T, {k, 2}) end)},
            {delete_key, outcome(fun() -> ets:delete(T, z) end)},
            {update_counter, outcome(fun() -> ets:update_counter(T, k, 1) end)},
            {info_size, ets:info(T, size)},
            {delete_table, outcome(fun() -> ets:delete(T) end)}
        ],
        Self ! {lines, Lines}
    end),
    receive {lines, Lines} ->
        [io:format("~w, other process, ~w: ~s~n", [Access, Op, show(R)]) || {Op, R} <- Lines]
    end,
    io:format("~w, owner sees ~s~n", [Access, show(outcome(fun() -> ets:lookup(T, k) end))]),
    io:format("~w, owner deletes: ~s~n", [Access, show(outcome(fun() -> ets:delete(T) end))]),
    io:format("~w, after delete: info ~w, lookup ~s~n", [Access, ets:info(T), show(outcome(fun() -> ets:lookup(T, k) end))]).
