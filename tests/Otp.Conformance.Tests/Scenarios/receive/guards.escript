#!/usr/bin/env escript
%% Guards choose between messages of the same shape: urgent ones (level above 10) first, in
%% arrival order, then the rest in arrival order.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    [Self ! {task, L, T} || {L, T} <- [{3, a}, {12, b}, {7, c}, {20, d}, {11, e}]],
    io:format("order: ~w~n", [urgent()]).

urgent() ->
    receive {task, L, T} when L > 10 -> [T | urgent()]
    after 0 -> rest()
    end.

rest() ->
    receive {task, _, T} -> [T | rest()]
    after 0 -> []
    end.
