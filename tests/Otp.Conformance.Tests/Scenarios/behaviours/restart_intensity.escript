#!/usr/bin/env escript
%% Restart intensity: at most 2 restarts in 10 seconds. The third crash makes the supervisor give
%% up: it stops its other children and exits with reason shutdown, which its parent sees.
-mode(compile).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, start_worker/1]).

main(_) ->
    logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, sup),
    crash(1), crash(2), crash(3),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit: ~w~n", [R]) end,
    io:format("steady alive: ~w~n", [whereis(steady) =/= undefined]).

crash(N) ->
    io:format("crash ~w~n", [N]),
    gen_server:cast(flaky, crash),
    timer:sleep(20).

start_worker(Id) -> gen_server:start_link({local, Id}, ?MODULE, {worker, Id}, []).

init(sup) ->
    {ok, {#{strategy => one_for_one, intensity => 2, period => 10},
          [#{id => steady, start => {?MODULE, start_worker, [steady]}},
           #{id => flaky, start => {?MODULE, start_worker, [flaky]}}]}};
init({worker, Id}) ->
    process_flag(trap_exit, true),
    io:format("start ~w~n", [Id]),
    {ok, Id}.

handle_call(_, _From, S) -> {reply, ok, S}.
handle_cast(crash, S) -> {stop, crashed, S}.
handle_info(_, S) -> {noreply, S}.
terminate(Reason, Id) -> io:format("stop ~w ~w~n", [Id, Reason]).
