#!/usr/bin/env escript
%% Messages from one sender arrive in the order they were sent; the receiver echoes each one.
main(_) ->
    Self = self(),
    Receiver = spawn(fun() -> loop(Self) end),
    [Receiver ! {msg, N} || N <- lists:seq(1, 5)],
    Receiver ! stop,
    collect().

loop(Parent) ->
    receive
        {msg, N} -> Parent ! {got, N}, loop(Parent);
        stop -> Parent ! done
    end.

collect() ->
    receive
        {got, N} -> io:format("got ~p~n", [N]), collect();
        done -> io:format("done~n")
    end.
