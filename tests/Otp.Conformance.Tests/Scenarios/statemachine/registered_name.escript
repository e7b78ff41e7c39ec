#!/usr/bin/env escript
%% A gen_statem started as {local, Name}: the name is taken before init runs (init already sees
%% it), so of two starts under one name exactly one succeeds and the other gets
%% {error, {already_started, Pid}}. Cast, call, sys:get_state and stop by name; the failures
%% by a name nobody holds: cast is ignored, call and get_state exit with noproc in
%% gen_statem's and sys's shapes, stop exits with noproc.
-mode(compile).
-behaviour(gen_statem).
-export([init/1, callback_mode/0, handle_event/4, terminate/3]).
-include("../scenario.hrl").

main(_) ->
    Me = self(),
    [spawn(fun() -> Me ! {started, gen_statem:start({local, counter}, ?MODULE, Me, [])} end) || _ <- [1, 2]],
    Results = lists:sort([receive {started, R} -> tag(R) end || _ <- [1, 2]]),
    print(),
    io:format("starts: ~p~n", [Results]),
    io:format("whereis: ~s~n", [show(whereis(counter))]),
    gen_statem:cast(counter, bump), gen_statem:cast(counter, bump),
    io:format("call: ~p~n", [gen_statem:call(counter, read)]),
    io:format("get_state: ~p~n", [sys:get_state(counter)]),
    io:format("stop: ~p~n", [gen_statem:stop(counter)]),
    print(),
    io:format("whereis after stop: ~p~n", [whereis(counter)]),
    io:format("cast: ~p~n", [gen_statem:cast(counter, bump)]),
    io:format("call: ~s~n", [show(catch gen_statem:call(counter, read))]),
    io:format("call with timeout: ~s~n", [show(catch gen_statem:call(counter, read, 100))]),
    io:format("get_state: ~s~n", [show(catch sys:get_state(counter))]),
    io:format("stop: ~s~n", [show(catch gen_statem:stop(counter))]).

tag({ok, _}) -> ok;
tag({error, {already_started, Pid}}) -> {already_started, is_pid(Pid)}.

print() ->
    receive {log, Line} -> io:format("~s~n", [Line]), print() after 0 -> ok end.

callback_mode() -> handle_event_function.

init(Parent) ->
    put(parent, Parent),
    Parent ! {log, io_lib:format("init sees its name: ~p", [whereis(counter) =:= self()])},
    {ok, counting, 0}.

handle_event(cast, bump, counting, N) -> {keep_state, N + 1};
handle_event({call, From}, read, counting, N) -> {keep_state, N, [{reply, From, N}]}.

terminate(Reason, State, N) -> get(parent) ! {log, io_lib:format("terminate ~p in ~p with ~p", [Reason, State, N])}.
