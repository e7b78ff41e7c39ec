#!/usr/bin/env escript
%% 'after 0' takes a matching message if one is already there and otherwise gives up at once,
%% leaving non-matching messages where they are.
-include("../scenario.hrl").
main(_) ->
    R1 = receive _ -> got_something after 0 -> timeout end,
    io:format("empty mailbox: ~p~n", [R1]),
    self() ! a,
    R2 = receive a -> got_a after 0 -> timeout end,
    io:format("a waiting: ~p~n", [R2]),
    self() ! b,
    R3 = receive a -> got_a after 0 -> timeout end,
    io:format("only b waiting: ~p~n", [R3]),
    io:format("left: ~s~n", [show(drain())]).
