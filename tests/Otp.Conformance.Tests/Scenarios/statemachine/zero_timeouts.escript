#!/usr/bin/env escript
%% A timeout of 0 arms no timer in gen_statem: its event is queued and handled before any
%% message already waiting in the mailbox (after postponed events that a change of state brings
%% back). So a machine whose init sets a zero state timeout handles it before casts sent right
%% after the start, with no sleep between. Two zero timeouts fire in the order they were set; a
%% zero state timeout is cancelled by a change of state (a retried event that moves on) or
%% replaced by a newer state timeout; an event timeout set while events are queued never fires.
-mode(compile).
-behaviour(gen_statem).
-export([init/1, callback_mode/0, handle_event/4]).

main(_) ->
    {ok, P} = gen_statem:start(?MODULE, self(), []),
    C = fun(E) -> gen_statem:cast(P, E) end,
    C(pet), C(both), C(noise),
    C(knock), C(knock), C(open), C(after_open),
    C(replace), C(noise),
    io:format("state: ~p~n", [sys:get_state(P)]),
    timer:sleep(100), print().

print() ->
    receive {log, Line} -> io:format("~s~n", [Line]), print() after 0 -> ok end.

callback_mode() -> handle_event_function.

init(Parent) -> put(parent, Parent), {ok, barking, 0, [{state_timeout, 0, bark}]}.

handle_event(Type, Content, State, N) ->
    get(parent) ! {log, io_lib:format("~p: ~p ~p", [State, Type, Content])},
    handle(Type, Content, State, N + 1).

handle(cast, pet, barking, N) -> {next_state, waiting, N};
handle(cast, both, waiting, N) -> {keep_state, N, [{timeout, 0, ev0}, {state_timeout, 0, st0}]};
handle(cast, knock, waiting, N) -> {keep_state, N, [postpone]};
handle(cast, open, waiting, N) -> {next_state, open, N, [{state_timeout, 0, st_open}, {timeout, 0, ev_open}]};
handle(cast, knock, open, N) -> {next_state, inside, N};
handle(cast, replace, _, N) -> {keep_state, N, [{state_timeout, 0, st_zero}, {state_timeout, 50, st_fifty}]};
handle(_, _, _, N) -> {keep_state, N}.
