#!/usr/bin/env escript
%% Chapter 10: a line server with gen_tcp. An acceptor, one process per connection, each reading
%% its socket one line at a time ({active, once}); a store in a public ETS table (chapter 9).
%% main/1 starts it, then two clients talk to it; one of them makes its connection crash.
-mode(compile).

main(_) ->
    {ok, Listen} = gen_tcp:listen(0, [binary, {ip, {127, 0, 0, 1}}, {packet, line},
                                      {active, false}, {reuseaddr, true}]),
    {ok, Port} = inet:port(Listen),
    Store = ets:new(store, [public, set]),
    spawn(fun() -> acceptor(Listen, Store) end),
    A = connect(Port),
    B = connect(Port),
    ask(a, A, "put colour blue"),
    ask(b, B, "get colour"),
    ask(b, B, "crash"),
    ask(a, A, "echo still here"),
    ask(a, A, "get colour"),
    ask(a, A, "quit").

%% The acceptor: accept, spawn a process for the connection, hand the socket over, again.
acceptor(Listen, Store) ->
    {ok, Socket} = gen_tcp:accept(Listen),
    Pid = spawn(fun() -> receive {go, S} -> serve(S, Store) end end),
    ok = gen_tcp:controlling_process(Socket, Pid),
    Pid ! {go, Socket},
    acceptor(Listen, Store).

%% One connection: ask for exactly one line, answer it, ask again.
serve(Socket, Store) ->
    ok = inet:setopts(Socket, [{active, once}]),
    receive
        {tcp, Socket, Line} ->
            case answer(string:trim(Line, trailing, "\r\n"), Store) of
                quit -> gen_tcp:close(Socket);
                Answer -> gen_tcp:send(Socket, [Answer, $\n]), serve(Socket, Store)
            end;
        {tcp_closed, Socket} -> ok;
        {tcp_error, Socket, _Reason} -> gen_tcp:close(Socket)
    after 30000 ->
        gen_tcp:send(Socket, <<"bye idle\n">>),
        gen_tcp:close(Socket)
    end.

answer(<<"echo ", Text/binary>>, _) -> Text;
answer(<<"put ", Rest/binary>>, Store) ->
    case binary:split(Rest, <<" ">>) of
        [Key, Value] -> ets:insert(Store, {Key, Value}), <<"ok">>;
        _ -> <<"error unknown_command">>
    end;
answer(<<"get ", Key/binary>>, Store) ->
    case ets:lookup(Store, Key) of
        [{_, Value}] -> [<<"value ">>, Value];
        [] -> <<"not_found">>
    end;
answer(<<"quit">>, _) -> quit;
answer(<<"crash">>, _) -> exit(told_to_crash);
answer(_, _) -> <<"error unknown_command">>.

%% A client: passive socket, one line at a time.
connect(Port) ->
    {ok, S} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {packet, line}, {active, false}]),
    S.

ask(Name, Socket, Line) ->
    io:format("~s> ~s~n", [Name, Line]),
    gen_tcp:send(Socket, [Line, $\n]),
    case gen_tcp:recv(Socket, 0, 5000) of
        {ok, Answer} -> io:format("~s< ~s~n", [Name, string:trim(Answer, trailing, "\r\n")]);
        {error, closed} -> io:format("~s< (connection closed)~n", [Name])
    end.
