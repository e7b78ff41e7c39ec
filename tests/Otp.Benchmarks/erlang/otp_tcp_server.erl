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
-export([main/1]).

main([MaxConnections, MaxLine, IdleMs]) ->
    Limits = {list_to_integer(MaxConnections), list_to_integer(MaxLine), list_to_integer(IdleMs)},
    Self = self(),
    spawn(fun() -> start(Self, Limits) end),
    receive {listening, Port} -> io:format("port ~w~n", [Port]) end,
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

start(Parent, {_, MaxLine, _} = Limits) ->
    process_flag(trap_exit, true),
    {ok, Listen} = gen_tcp:listen(0, [binary, {ip, {127, 0, 0, 1}}, {packet, line},
                                      {packet_size, MaxLine}, {active, false},
                                      {reuseaddr, true}, {backlog, 1024}, {send_timeout, 5000}]),
    {ok, Port} = inet:port(Listen),
    Store = ets:new(tcp_store, [public, set, {read_concurrency, true}, {write_concurrency, true}]),
    Parent ! {listening, Port},
    acceptor(Listen, Store, Limits, 0).

acceptor(Listen, Store, {Max, _, Idle} = Limits, Live0) ->
    Live = count_exits(Live0),
    {ok, Socket} = gen_tcp:accept(Listen),
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

%% Every connection that ended since the last accept frees its place.
count_exits(Live) ->
    receive {'EXIT', _, _} -> count_exits(Live - 1)
    after 0 -> Live
    end.

serve(Socket, Store, Idle) ->
    ok = inet:setopts(Socket, [{active, once}]),
    receive
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
        {tcp_error, Socket, emsgsize} ->
            gen_tcp:send(Socket, <<"error line_too_long\n">>),
            gen_tcp:close(Socket);
        {tcp_error, Socket, _} -> gen_tcp:close(Socket)
    after Idle ->
        gen_tcp:send(Socket, <<"bye idle\n">>),
        gen_tcp:close(Socket)
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
