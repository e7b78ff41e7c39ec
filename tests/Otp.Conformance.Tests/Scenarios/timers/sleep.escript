#!/usr/bin/env escript
%% timer:sleep/1 suspends the caller without touching its mailbox; sleepers wake in the order
%% of their sleeps.
-include("../scenario.hrl").
main(_) ->
    self() ! before_sleep,
    io:format("sleep returns: ~p~n", [timer:sleep(100)]),
    io:format("mailbox kept: ~s~n", [show(drain())]),
    Self = self(),
    [spawn(fun() -> timer:sleep(T), Self ! {woke, T} end) || T <- [700, 100, 400]],
    io:format("woke: ~w~n", [[receive {woke, T} -> T end || _ <- [1, 2, 3]]]),
    io:format("sleep(0): ~p~n", [timer:sleep(0)]).
