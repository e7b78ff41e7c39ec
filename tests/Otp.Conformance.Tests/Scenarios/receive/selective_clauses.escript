#!/usr/bin/env escript
%% A receive with several clauses takes the first message, in mailbox order, that matches ANY
%% clause (not the first clause that matches any message); the others keep their order.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    [Self ! M || M <- [{note, 1}, {job, 5}, hello, {job, 15}, {note, 2}, stop]],
    First = receive
                {job, N} when N > 10 -> {big_job, N};
                stop -> stop
            end,
    io:format("first: ~s~n", [show(First)]),
    Second = receive
                 {job, N2} when N2 > 10 -> {big_job, N2};
                 stop -> stop
             end,
    io:format("second: ~s~n", [show(Second)]),
    Third = receive
                hello -> hello;
                {note, X} -> {note, X}
            end,
    io:format("third: ~s~n", [show(Third)]),
    io:format("left: ~s~n", [show(drain())]).
