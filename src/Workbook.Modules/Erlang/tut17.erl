%% tut17 of Erlang's "Getting Started" guide (Distributed Programming): a pong process
%% registered on one node, a ping process on another that pings it three times. The C# module
%% Workbook.Modules.Tut17 has the same functions and prints the same lines, so any mix works.
-module(tut17).
-export([start_ping/1, start_pong/0, ping/2, pong/0]).

ping(0, PongNode) ->
    {pong, PongNode} ! finished,
    io:format("ping finished~n", []);
ping(N, PongNode) ->
    {pong, PongNode} ! {ping, self()},
    receive
        pong -> io:format("Ping received pong~n", [])
    end,
    ping(N - 1, PongNode).

pong() ->
    receive
        finished ->
            io:format("Pong finished~n", []);
        {ping, PingPid} ->
            io:format("Pong received ping~n", []),
            PingPid ! pong,
            pong()
    end.

start_pong() ->
    register(pong, spawn(tut17, pong, [])).

start_ping(PongNode) ->
    spawn(tut17, ping, [3, PongNode]).
