#!/usr/bin/env escript
%% Which children each restart strategy restarts, and in what order: three workers a, b, c that
%% trap exits (so terminate/2 shows every stop); b crashes; the supervisor reacts.
-mode(compile).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, start_worker/1]).

main(_) ->
    logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    [run(S) || S <- [one_for_one, one_for_all, rest_for_one]],
    io:format("-- restart types~n"),
    {ok, Sup} = supervisor:start_link(?MODULE, {sup, one_for_one, [{a, permanent}, {b, transient}, {c, temporary}]}),
    gen_server:cast(b, {stop, normal}),
    gen_server:cast(c, {stop, crashed}),
    timer:sleep(50),
    io:format("children: ~w~n", [children(Sup)]),
    gen_server:cast(a, {stop, normal}),
    timer:sleep(50),
    io:format("children: ~w~n", [children(Sup)]),
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit: ~w~n", [R]) end.

run(Strategy) ->
    io:format("-- ~w~n", [Strategy]),
    {ok, Sup} = supervisor:start_link(?MODULE, {sup, Strategy, [{a, permanent}, {b, permanent}, {c, permanent}]}),
    gen_server:cast(b, {stop, crashed}),
    timer:sleep(50),
    io:format("children: ~w~n", [children(Sup)]),
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit: ~w~n", [R]) end.

children(Sup) -> [{Id, is_pid(P)} || {Id, P, _, _} <- supervisor:which_children(Sup)].

start_worker(Id) -> gen_server:start_link({local, Id}, ?MODULE, {worker, Id}, []).

%% Supervisor callback.
init({sup, Strategy, Kids}) ->
    {ok, {#{strategy => Strategy, intensity => 5, period => 10},
          [#{id => Id, start => {?MODULE, start_worker, [Id]}, restart => R} || {Id, R} <- Kids]}};
%% Worker callbacks.
init({worker, Id}) ->
    process_flag(trap_exit, true),
    io:format("start ~w~n", [Id]),
    {ok, Id}.

handle_call(_, _From, S) -> {reply, ok, S}.
handle_cast({stop, Reason}, S) -> {stop, Reason, S}.
handle_info(_, S) -> {noreply, S}.
terminate(Reason, Id) -> io:format("stop ~w ~w~n", [Id, Reason]).
