#!/usr/bin/env escript
%% A table with an heir survives its owner: the heir becomes the owner and gets
%% {'ETS-TRANSFER', Tab, OldOwner, HeirData} before the old owner's DOWN; the heir option stays.
%% A dead heir inherits nothing (the table goes). give_away/3 hands a table over while the owner
%% lives; only the owner may give it, and the new owner gets the gift in the same message.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    {Owner, Ref} = spawn_monitor(fun() ->
        T = ets:new(cache, [{heir, Self, inherited}]),
        ets:insert(T, {k, 1}),
        Self ! {table, T},
        receive stop -> ok end
    end),
    T = receive {table, Tab} -> Tab end,
    io:format("before: insert by the heir-to-be ~s~n", [show(outcome(fun() -> ets:insert(T, {k, 2}) end))]),
    Owner ! stop,
    First = receive M1 -> M1 end,
    Second = receive M2 -> M2 end,
    io:format("first message: ~s~n", [show(First)]),
    io:format("second message: ~s~n", [show(Second)]),
    io:format("transfer names the table and the old owner: ~w ~w~n",
              [element(2, First) =:= T, element(3, First) =:= Owner]),
    io:format("owner now self: ~w, heir still self: ~w~n", [ets:info(T, owner) =:= Self, ets:info(T, heir) =:= Self]),
    ets:insert(T, {k, 2}),
    io:format("the heir writes: ~s~n", [show(ets:lookup(T, k))]),
    _ = Ref,

    %% A named table: the transfer carries the table identifier, not the name.
    {Owner2, Ref2} = spawn_monitor(fun() ->
        ets:new(named_cache, [named_table, {heir, Self, named}]),
        Self ! ready,
        receive stop -> ok end
    end),
    receive ready -> ok end,
    Owner2 ! stop,
    receive {'ETS-TRANSFER', Tab2, _, named} ->
        io:format("named transfer: ~w, same table: ~w~n", [is_atom(Tab2), ets:whereis(named_cache) =:= Tab2])
    end,
    receive {'DOWN', Ref2, process, _, _} -> ok end,

    %% A dead heir.
    {Dead, DRef} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DRef, process, Dead, _} -> ok end,
    {Owner3, Ref3} = spawn_monitor(fun() ->
        T3 = ets:new(orphan, [public, {heir, Dead, none}]),
        Self ! {table, T3}
    end),
    T3 = receive {table, Tab3} -> Tab3 end,
    receive {'DOWN', Ref3, process, Owner3, _} -> ok end,
    io:format("dead heir: info ~w~n", [ets:info(T3)]),

    %% give_away.
    G = ets:new(gift, []),
    Taker = spawn(fun() ->
        receive {'ETS-TRANSFER', Tab4, From, Gift} ->
            ets:insert(Tab4, {from_taker, 1}),
            Self ! {taken, From =:= Self, Gift}
        end,
        receive stop -> ok end
    end),
    io:format("give_away to self: ~s~n", [show(outcome(fun() -> ets:give_away(G, self(), x) end))]),
    io:format("give_away: ~w~n", [ets:give_away(G, Taker, present)]),
    receive {taken, FromMe, Gift} -> io:format("the taker heard from me: ~w, gift ~w~n", [FromMe, Gift]) end,
    io:format("old owner writes: ~s~n", [show(outcome(fun() -> ets:insert(G, {k, 1}) end))]),
    io:format("old owner gives it again: ~s~n", [show(outcome(fun() -> ets:give_away(G, self(), x) end))]),
    io:format("the taker's object: ~s~n", [show(ets:lookup(G, from_taker))]),
    Taker ! stop.
