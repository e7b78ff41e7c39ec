#!/usr/bin/env escript
%% erlang:send_after/3 delivers a message after a delay, to oneself or to another process;
%% timers started together fire in the order of their delays.
-include("../scenario.hrl").
main(_) ->
    Self = self(),
    [erlang:send_after(D, Self, {tick, D}) || D <- [700, 100, 400]],
    Ticks = [receive {tick, D} -> D end || _ <- [1, 2, 3]],
    io:format("ticks: ~w~n", [Ticks]),
    Other = spawn(fun() -> receive M -> Self ! {other_got, M} end end),
    T = erlang:send_after(50, Other, hello),
    io:format("a timer reference: ~p~n", [is_reference(T)]),
    receive {other_got, M} -> io:format("other got: ~p~n", [M]) end,
    io:format("before its time: ~p~n", [begin
        erlang:send_after(200, Self, late),
        receive late -> arrived after 50 -> not_yet end
    end]),
    receive late -> io:format("later: late~n") end.
