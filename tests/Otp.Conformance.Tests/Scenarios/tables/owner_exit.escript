#!/usr/bin/env escript
%% A table lives as long as its owner: when the owner ends (normally or not) the table is gone
%% before anyone sees the owner's DOWN, and a named table's name is free again. Other processes
%% writing to a public table do not keep it alive.
-include("../scenario.hrl").
main(_) ->
    [ending(How) || How <- [normal, crash]],
    ok.

ending(How) ->
    Self = self(),
    {Owner, Ref} = spawn_monitor(fun() ->
        Named = ets:new(cache, [named_table, public]),
        Plain = ets:new(plain, [public]),
        Self ! {tables, Named, Plain},
        receive stop -> ok; crash -> error(boom) end
    end),
    {Named, Plain} = receive {tables, N, P} -> {N, P} end,
    io:format("~w: named returns its name: ~w~n", [How, Named]),
    ets:insert(cache, {k, 1}),
    ets:insert(Plain, {k, 1}),
    io:format("~w: while the owner lives: ~s ~s~n", [How, show(ets:lookup(cache, k)), show(ets:lookup(Plain, k))]),
    Owner ! case How of normal -> stop; crash -> crash end,
    receive {'DOWN', Ref, process, Owner, Reason} -> io:format("~w: owner ended: ~w~n", [How, head(Reason)]) end,
    io:format("~w: info ~w ~w, whereis ~w~n", [How, ets:info(cache), ets:info(Plain), ets:whereis(cache)]),
    io:format("~w: lookup ~s ~s~n", [How, show(outcome(fun() -> ets:lookup(cache, k) end)),
                                      show(outcome(fun() -> ets:lookup(Plain, k) end))]),
    Again = ets:new(cache, [named_table]),
    io:format("~w: the name is free again: ~w, empty: ~w~n", [How, Again, ets:info(cache, size)]),
    ets:delete(cache).
