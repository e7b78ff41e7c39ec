%% A key-value gen_server: the Erlang twin of GenServerAcrossNodesTests.KvServer.
-module(kv).
-behaviour(gen_server).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

init([]) -> {ok, #{}}.

handle_call({put, K, V}, _From, S) -> {reply, ok, S#{K => V}};
%% Answers after Ms milliseconds, later than a caller's timeout if asked to.
handle_call({late, Ms, R}, From, S) -> erlang:send_after(Ms, self(), {reply_later, From, R}), {noreply, S};
handle_call({get, K}, _From, S) ->
    case S of
        #{K := V} -> {reply, {ok, V}, S};
        _ -> {reply, error, S}
    end.

handle_cast({delete, K}, S) -> {noreply, maps:remove(K, S)}.

handle_info({reply_later, From, R}, S) -> gen_server:reply(From, R), {noreply, S}.
