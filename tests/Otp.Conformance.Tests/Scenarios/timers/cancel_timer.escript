#!/usr/bin/env escript
%% erlang:cancel_timer/1 stops a timer that has not fired and returns the milliseconds that were
%% left; the message never comes. For a timer that already fired (or was cancelled) it returns
%% false, and a message already delivered stays in the mailbox.
-include("../scenario.hrl").
main(_) ->
    T = erlang:send_after(200, self(), never),
    Left = erlang:cancel_timer(T),
    io:format("time left is a number: ~p, at most 200: ~p~n", [is_integer(Left), Left =< 200]),
    R = receive never -> arrived after 400 -> no_message end,
    io:format("after its time: ~p~n", [R]),
    io:format("cancel again: ~p~n", [erlang:cancel_timer(T)]),
    T2 = erlang:send_after(10, self(), fired),
    await_queued(1),
    io:format("cancel a fired timer: ~p~n", [erlang:cancel_timer(T2)]),
    io:format("mailbox: ~s~n", [show(drain())]).
