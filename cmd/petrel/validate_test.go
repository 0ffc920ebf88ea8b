package main

import (
	"os"
	"testing"

	"petrel/validate"
)

// minValidationPasses is the floor for PETRARCH's unit-test suite: a change
// that codes fewer records correctly cannot land. Raise it as the coder
// improves; docs/VALIDATION.md lists the records still failed.
const minValidationPasses = 254

func TestPetrarchValidationSuite(t *testing.T) {
	const path = "../../../shared/peer/petrarch2/PETR.UnitTest.records.xml"
	if _, err := os.Stat(path); err != nil {
		t.Skip("PETRARCH unit-test records not found (../shared/peer/petrarch2): ", err)
	}
	rep, err := validate.Run(path, buildValidationCoder)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d passed, %d failed", rep.Passed(), rep.Failed())
	if rep.Passed() < minValidationPasses {
		rep.WriteFailures(testWriter{t})
		t.Fatalf("%d records passed, want at least %d", rep.Passed(), minValidationPasses)
	}
}

// testWriter sends output to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
