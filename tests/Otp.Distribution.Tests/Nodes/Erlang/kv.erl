%% A key-value gen_server: the Erlang twin of GenServerAcrossNodesTests.KvServer.
-module(kv).
-behaviour(gen_server).
-export([init/1, handle_call/3, handle_cast/2]).

init([]) -> {ok, #{}}.

handle_call({put, K, V}, _From, S) -> {reply, ok, S#{K => V}};
handle_call({get, K}, _From, S) ->
    case S of
        #{K := V} -> {reply, {ok, V}, S};
        _ -> {reply, error, S}
    end.

handle_cast({delete, K}, S) -> {noreply, maps:remove(K, S)}.
