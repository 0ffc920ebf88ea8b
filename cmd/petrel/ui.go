package main

import "petrel/http/ui"

// The web UI is built in: petrel serve serves it at "/".
func init() { webUI = ui.FS }
