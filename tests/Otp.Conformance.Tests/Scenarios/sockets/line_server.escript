#!/usr/bin/env escript
%% The line server of chapter 10 against gen_tcp: the benchmark's Erlang server
%% (tests/Otp.Benchmarks/erlang/otp_tcp_server.erl, compiled here) with a limit of 2 connections,
%% 64-byte lines and a 1.5 s idle timeout, and clients that take turns: the protocol, a client
%% turned away while two are connected, a crash in one connection that the others do not notice
%% (its place is free again), an over-long line, quit, and an idle client. The C# twin runs the
%% runtime's Otp.Sockets.TcpServer with the same limits and the same clients.
%% A place frees when the connection's process has ended, which a client cannot see: it only
%% sees its socket close. So d and e, who need a freed place, try again while they are told
%% "error busy" (every 20 ms, for at most 2 s); only their first answer that is not busy prints.
-include("../scenario.hrl").
main(_) ->
    Source = filename:join([filename:dirname(escript:script_name()), "..", "..", "..",
                            "Otp.Benchmarks", "erlang", "otp_tcp_server.erl"]),
    {ok, Module, Beam} = compile:file(Source, [binary, report]),
    {module, Module} = code:load_binary(Module, Source, Beam),
    Self = self(),
    spawn(fun() -> otp_tcp_server:start(Self, {2, 64, 1500}) end),
    Port = receive {listening, _, P} -> P end,
    A = connect(Port),
    ask(a, A, "echo hello"),
    ask(a, A, "put colour blue"),
    ask(a, A, "get colour"),
    ask(a, A, "get size"),
    ask(a, A, "shout"),
    ask(a, A, "put lonely"),
    B = connect(Port),
    ask(b, B, "get colour"),
    C = connect(Port),
    read(c, C),
    read(c, C),
    ask(b, B, "crash"),
    ask(a, A, "echo after the crash"),
    D = connect_when_free(d, Port, "echo a place was free", 100),
    ask(d, D, "echo " ++ lists:duplicate(100, $x)),
    read(d, D),
    ask(a, A, "quit"),
    E = connect_when_free(e, Port, none, 100),
    read(e, E).

connect(Port) ->
    {ok, S} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {packet, line}, {active, false}]),
    S.

%% Connects, sends Line (unless none) and prints the answer; while the answer is "error busy",
%% closes and tries again, up to Tries times.
connect_when_free(Name, Port, Line, Tries) ->
    S = connect(Port),
    Line =/= none andalso gen_tcp:send(S, [Line, $\n]),
    case gen_tcp:recv(S, 0, 10000) of
        {ok, <<"error busy\n">>} when Tries > 1 ->
            gen_tcp:close(S),
            timer:sleep(20),
            connect_when_free(Name, Port, Line, Tries - 1);
        Answer ->
            Line =/= none andalso io:format("~s> ~s~n", [Name, Line]),
            case Answer of
                {ok, A} -> io:format("~s< ~s~n", [Name, string:trim(A, trailing, "\r\n")]);
                {error, _} -> io:format("~s< (closed)~n", [Name])
            end,
            S
    end.

ask(Name, Socket, Line) ->
    io:format("~s> ~s~n", [Name, shorten(Line)]),
    gen_tcp:send(Socket, [Line, $\n]),
    read(Name, Socket).

read(Name, Socket) ->
    case gen_tcp:recv(Socket, 0, 10000) of
        {ok, Answer} -> io:format("~s< ~s~n", [Name, string:trim(Answer, trailing, "\r\n")]);
        {error, _} -> io:format("~s< (closed)~n", [Name])
    end.

%% A long line shows as its length.
shorten(Line) when length(Line) > 40 -> io_lib:format("(a line of ~w bytes)", [length(Line)]);
shorten(Line) -> Line.
