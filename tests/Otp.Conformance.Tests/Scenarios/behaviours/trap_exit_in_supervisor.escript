#!/usr/bin/env escript
%% trap_exit inside a supervision tree: an exit signal from a stranger arrives as a message; kill
%% cannot be trapped (and the supervisor restarts the victim); on shutdown only workers that trap
%% exits run terminate/2; a worker slower than its shutdown timeout is killed.
-mode(compile).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, start_worker/2]).

main(_) ->
    logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, sup),
    exit(whereis(trapper), hello),
    timer:sleep(10),
    exit(whereis(trapper), kill),
    timer:sleep(10),
    Watch = [{Id, monitor(process, whereis(Id))} || Id <- [trapper, plain, slow]],
    exit(Sup, shutdown),
    receive {'EXIT', Sup, R} -> io:format("supervisor exit: ~w~n", [R]) end,
    [receive {'DOWN', Ref, process, _, Why} -> io:format("~w ended: ~w~n", [Id, Why]) end || {Id, Ref} <- Watch].

start_worker(Id, Trap) -> gen_server:start_link({local, Id}, ?MODULE, {worker, Id, Trap}, []).

init(sup) ->
    {ok, {#{strategy => one_for_one, intensity => 5, period => 10},
          [#{id => trapper, start => {?MODULE, start_worker, [trapper, true]}},
           #{id => plain, start => {?MODULE, start_worker, [plain, false]}},
           #{id => slow, start => {?MODULE, start_worker, [slow, true]}, shutdown => 100}]}};
init({worker, Id, Trap}) ->
    process_flag(trap_exit, Trap),
    io:format("start ~w~n", [Id]),
    {ok, Id}.

handle_call(_, _From, S) -> {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.
handle_info({'EXIT', _From, Reason}, Id) ->
    io:format("~w got an exit message: ~w~n", [Id, Reason]),
    {noreply, Id}.
terminate(Reason, slow) ->
    io:format("slow terminate begins: ~w~n", [Reason]),
    timer:sleep(500),
    io:format("slow terminate ends~n");
terminate(Reason, Id) -> io:format("~w terminate: ~w~n", [Id, Reason]).
