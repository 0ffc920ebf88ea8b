package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"

	"petrel/dicts"
)

// version is petrel's release version. A release build sets it with
// -ldflags "-X main.version=v1.2.3"; otherwise the module version from the
// build info is shown ("(devel)" for a build from a work tree).
var version = ""

// BuildInfo is what "petrel version" reports.
type BuildInfo struct {
	Version   string // release or module version
	GoVersion string // the Go toolchain that built the binary
	Platform  string // GOOS/GOARCH
	Revision  string // VCS revision, "" when the build recorded none
	Time      string // VCS commit time
	Modified  bool   // the work tree had uncommitted changes
	DictID    string // the built-in dictionaries' ID, as events record it
}

// readBuildInfo gathers the version, toolchain and VCS stamp from the
// binary's build info (debug.ReadBuildInfo), and the ID of the built-in
// dictionaries.
func readBuildInfo() BuildInfo {
	b := BuildInfo{Version: version, GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH,
		DictID: builtinDictID()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if b.Version == "" {
			b.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Revision = s.Value
			case "vcs.time":
				b.Time = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if b.Version == "" {
		b.Version = "(devel)"
	}
	return b
}

// builtinDictID is the dictionary ID that loadDictionary gives the
// built-in dictionaries alone (the default flags), computed without
// parsing them.
func builtinDictID() string {
	h := sha256.New()
	hashFS(h, dicts.FS)
	return "dict-" + hex.EncodeToString(h.Sum(nil))[:12]
}

// String formats the build info as "petrel version" prints it.
func (b BuildInfo) String() string {
	rev := b.Revision
	if rev == "" {
		rev = "unknown (built without VCS information)"
	} else {
		if b.Time != "" {
			rev += " (" + b.Time + ")"
		}
		if b.Modified {
			rev += " with uncommitted changes"
		}
	}
	return fmt.Sprintf("petrel %s\ngo: %s %s\nrevision: %s\ndictionaries: %s (built-in)\n",
		b.Version, b.GoVersion, b.Platform, rev, b.DictID)
}

// runVersion is "petrel version" (also "petrel --version").
func (m *Main) runVersion(args []string) error {
	fs := flag.NewFlagSet("petrel version", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel version\n\nPrints petrel's version, the Go version that built it, the VCS revision and\nthe ID of the built-in dictionaries (the dict_version of the events they code).")
	}
	if _, err := parseCommand(fs, args, false); err != nil {
		return err
	}
	fmt.Fprint(m.Stdout, readBuildInfo())
	return nil
}
