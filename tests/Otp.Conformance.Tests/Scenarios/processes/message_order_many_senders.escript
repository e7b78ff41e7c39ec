#!/usr/bin/env escript
%% Messages from one sender arrive in the order sent, whatever other senders do at the same time.
%% (Between senders there is no order, so the scenario groups what arrives by sender.)
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    [spawn(fun() -> [Self ! {S, N} || N <- lists:seq(1, 20)] end) || S <- [a, b, c]],
    All = [receive M -> M end || _ <- lists:seq(1, 60)],
    [io:format("~p: ~w~n", [S, [N || {S1, N} <- All, S1 =:= S]]) || S <- [a, b, c]],
    io:format("nothing else: ~p~n", [drain()]).
