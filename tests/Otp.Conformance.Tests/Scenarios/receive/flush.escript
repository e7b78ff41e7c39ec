#!/usr/bin/env escript
%% Flushing takes every message, oldest first, and leaves the mailbox empty.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    [Self ! M || M <- [one, {two, 2}, {three, [1, 2, 3]}]],
    io:format("flushed: ~s~n", [show(drain())]),
    io:format("then: ~s~n", [show(drain())]),
    R = receive _ -> something after 0 -> empty end,
    io:format("mailbox: ~p~n", [R]).
