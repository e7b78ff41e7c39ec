// The command line comes with the HTTP API (docs/kvstore.md).
return 0;
