%% The BEAM side of the TCP benchmark (tests/Otp.Benchmarks, `--only tcp`): a gen_tcp server
%% equivalent to the runtime's Otp.Sockets.TcpServer, which the benchmark runs in a process of
%% its own beside this one and loads with the same clients. Same shape: an acceptor that traps
%% exits, links to one process per connection and counts them for a connection limit; each
%% connection reads one line at a time ({active, once}) with an idle timeout; a line protocol
%% (echo, put, get, quit, crash); the store a public ETS table owned by the acceptor.
%%
%% By hand:
%%   erlc -o /tmp/ob otp_tcp_server.erl
%%   erl -noshell -pa /tmp/ob -run otp_tcp_server main 10000 1024 30000
%% Arguments: connection limit, longest line in bytes, idle timeout in ms. Prints
%% "port <N>" once it listens (on 127.0.0.1, a free port), then serves until its standard
%% input closes, and halts. The line "memory" on its standard input is answered "memory <bytes>":
%% erlang:memory(total) after collecting every process's garbage.
-module(otp_tcp_server).
-export([main/1, start/2]).

main([MaxConnections, MaxLine, IdleMs]) ->
    Limits = {list_to_integer(MaxConnections), list_to_integer(MaxLine), list_to_integer(IdleMs)},
    Self = self(),
    spawn(fun() -> start(Self, Limits) end),
    receive {listening, _Acceptor, Port} -> io:format("port ~w~n", [Port]) end,
    wait_for_eof(),
    halt(0).

%% Standard input: "memory" asks for the VM's own count of its memory (after a garbage
%% collection of every process), answered "memory <bytes>"; its end stops the server.
wait_for_eof() ->
    case io:get_line("") of
        eof -> ok;
        {error, _} -> ok;
        "memory\n" ->
            [erlang:garbage_collect(P) || P <- processes()],
            io:format("memory ~w~n", [erlang:memory(total)]),
            wait_for_eof();
        _ -> wait_for_eof()
    end.

%% The acceptor (run it in a process of its own): tells Parent {listening, self(), Port}, then
%% serves. Limits: {MaxConnections, MaxLineBytes, IdleMs}. The conformance scenario
%% tests/Otp.Conformance.Tests/Scenarios/sockets/line_server.escript starts it this way too.
start(Parent, {_, MaxLine, _} = Limits) ->
    process_flag(trap_exit, true),
    % {packet, line} delivers a line longer than the buffer in pieces; a piece without its line
    % ending is therefore a line over the limit (the C# server holds at most MaxLine + 2 bytes too).
    {ok, Listen} = gen_tcp:listen(0, [binary, {ip, {127, 0, 0, 1}}, {packet, line},
                                      {buffer, MaxLine + 2}, {active, false},
                                      {reuseaddr, true}, {backlog, 1024}, {send_timeout, 5000}]),
    {ok, Port} = inet:port(Listen),
    Store = ets:new(tcp_store, [public, set, {read_concurrency, true}, {write_concurrency, true}]),
    Parent ! {listening, self(), Port},
    acceptor(Listen, Store, Limits, 0).

acceptor(Listen, Store, {Max, _, Idle} = Limits, Live0) ->
    {ok, Socket} = gen_tcp:accept(Listen),
    % Count the connections that ended while accept waited: their places are free.
    Live = count_exits(Live0),
    case Live >= Max of
        true ->
            gen_tcp:send(Socket, <<"error busy\n">>),
            gen_tcp:close(Socket),
            acceptor(Listen, Store, Limits, Live);
        false ->
            Pid = spawn_link(fun() -> receive {go, S} -> serve(S, Store, Idle) end end),
            ok = gen_tcp:controlling_process(Socket, Pid),
            Pid ! {go, Socket},
            acceptor(Listen, Store, Limits, Live + 1)
    end.

%% Every connection that ended since the last count frees its place.
count_exits(Live) ->
    receive {'EXIT', _, _} -> count_exits(Live - 1)
    after 0 -> Live
    end.

serve(Socket, Store, Idle) ->
    ok = inet:setopts(Socket, [{active, once}]),
    receive
        {tcp, Socket, Line} when binary_part(Line, byte_size(Line), -1) =/= <<"\n">> ->
            gen_tcp:send(Socket, <<"error line_too_long\n">>),
            close_unread(Socket);
        {tcp, Socket, Line} ->
            case answer(string:trim(Line, trailing, "\r\n"), Store) of
                quit -> gen_tcp:close(Socket);
                Answer ->
                    case gen_tcp:send(Socket, [Answer, $\n]) of
                        ok -> serve(Socket, Store, Idle);
                        {error, _} -> gen_tcp:close(Socket)   % a slow reader: dropped
                    end
            end;
        {tcp_closed, Socket} -> ok;
        {tcp_error, Socket, _} -> gen_tcp:close(Socket)
    after Idle ->
        gen_tcp:send(Socket, <<"bye idle\n">>),
        gen_tcp:close(Socket)
    end.

%% Closing a socket with unread input makes the kernel reset the connection, and the peer may
%% lose the last line: so shut down our side, read and drop the rest (bounded), then close. The C#
%% server does the same (LineConnection).
close_unread(Socket) ->
    gen_tcp:shutdown(Socket, write),
    drain(Socket, erlang:monotonic_time(millisecond) + 2000),
    gen_tcp:close(Socket).

drain(Socket, Until) ->
    Left = Until - erlang:monotonic_time(millisecond),
    case Left > 0 andalso gen_tcp:recv(Socket, 0, Left) of
        {ok, _} -> drain(Socket, Until);
        _ -> ok
    end.

answer(<<"echo ", Text/binary>>, _) -> Text;
answer(<<"echo">>, _) -> <<>>;
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
