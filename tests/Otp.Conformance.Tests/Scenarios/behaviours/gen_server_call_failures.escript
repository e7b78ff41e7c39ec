#!/usr/bin/env escript
%% How gen_server:call fails: an unknown name, a dead pid, a timeout (and the late reply that
%% must never reach the caller's mailbox), and a server that stops or crashes during the call.
-mode(compile).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

main(_) ->
    logger:set_primary_config(level, none),
    io:format("~w~n", [catch gen_server:call(nobody, hello)]),

    Dead = spawn(fun() -> ok end),
    timer:sleep(10),
    {'EXIT', {Reason1, {gen_server, call, [_, hello]}}} = (catch gen_server:call(Dead, hello)),
    io:format("dead pid: ~w~n", [Reason1]),

    {ok, _} = gen_server:start({local, slow}, ?MODULE, slow, []),
    io:format("~w~n", [catch gen_server:call(slow, {sleep, 200}, 100)]),
    timer:sleep(300),
    {messages, Left} = process_info(self(), messages),
    io:format("mailbox after the late reply: ~w~n", [Left]),
    io:format("~w~n", [gen_server:call(slow, {sleep, 0})]),

    {ok, _} = gen_server:start({local, stopper}, ?MODULE, stopper, []),
    io:format("~w~n", [catch gen_server:call(stopper, stop_me)]),
    {ok, _} = gen_server:start({local, crasher}, ?MODULE, crasher, []),
    io:format("~w~n", [catch gen_server:call(crasher, exit_now, infinity)]),
    {messages, Left2} = process_info(self(), messages),
    io:format("mailbox at the end: ~w~n", [Left2]).

init(Kind) -> {ok, Kind}.

handle_call({sleep, Ms}, _From, S) -> timer:sleep(Ms), {reply, slept, S};
handle_call(stop_me, _From, S) -> {stop, boom, S};
handle_call(exit_now, _From, _S) -> exit(bang).

handle_cast(_, S) -> {noreply, S}.
handle_info(_, S) -> {noreply, S}.
terminate(Reason, Kind) -> io:format("~w terminates: ~w~n", [Kind, Reason]).
