package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"petrel/coder"
	"petrel/dict"
	"petrel/dict/native"
	"petrel/dicts"
)

// exactF1Floor guards against regressions: the exact-triple F1 measured on
// the evaluation set when the coder was last tuned (0.839), less about 0.04.
// Raise it when the coder or dictionaries improve.
const exactF1Floor = 0.80

// heldoutF1Floor guards the held-out set (testdata/eval/heldout.json):
// the exact-triple F1 measured at the end of the last tuning round (0.600),
// less about 0.05. The held-out set is never used for tuning; it is only
// re-measured.
const heldoutF1Floor = 0.56

// TestEval codes the evaluation set with the built-in dictionaries and
// reports precision, recall and F1 at three levels of strictness. Run
// with -v to see every sentence coded differently from expected.
func TestEval(t *testing.T) {
	scoreSet(t, "../testdata/eval/sentences.json", exactF1Floor, false)
}

// TestHeldout scores the held-out set the same way. Its sentences were
// written independently of the dictionaries and are not used to tune
// them, so its scores are the honest estimate of quality on unseen text.
func TestHeldout(t *testing.T) {
	scoreSet(t, "../testdata/eval/heldout.json", heldoutF1Floor, true)
}

// structureF1Floor guards the structure held-out set
// (testdata/eval/structure-heldout.json): the exact-triple F1 measured on
// main when the set landed (0.495 at 8f86f40), less 0.05 (see
// testdata/eval/README.md). The set is never used for tuning; it is only
// re-measured.
const structureF1Floor = 0.445

// TestStructureHeldout scores the structure held-out set: sentences
// written for issue 10 on phrasings that stress clause structure
// (complements and control, reported speech, negation and modality,
// appositives, passives, coordination, "X of Y", relative clauses, light
// verbs, addressees), before the coder read the dependency parse. Run
// with EVAL_SHOW_HELDOUT=1 and -v to see every sentence coded differently
// from expected.
func TestStructureHeldout(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/structure-heldout.json", structureF1Floor, true)
	for i, lv := range Levels {
		t.Logf("structure held-out %-12s P=%.3f R=%.3f F1=%.3f", lv.Name, r.Scores[i].P, r.Scores[i].R, r.Scores[i].F1)
	}
}

// The conflict sets (testdata/eval/conflict.json for tuning,
// conflict-heldout.json held out) are scored at the root+source level:
// the right root with the right source country, or the right agent where
// the source has no country. The floors are the last measured values less
// about 0.03; the held-out set is only re-measured, never tuned on.
const (
	conflictRecallFloor, conflictPrecisionFloor   = 0.84, 0.88 // measured 0.870, 0.914
	heldoutRecallFloor, heldoutPrecisionFloor     = 0.67, 0.69 // measured 0.709, 0.719
	conflict2RecallFloor, conflict2PrecisionFloor = 0.90, 0.90 // measured 0.931, 0.931 (308 sentences)
)

// TestConflict scores the tuning half of the conflict and protest set.
func TestConflict(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict.json", 0, false)
	checkRootSource(t, r, conflictRecallFloor, conflictPrecisionFloor)
}

// TestConflict2 scores the second tuning set of conflict and protest
// sentences (testdata/eval/conflict2.json), written after the first
// round of tuning on conflict.json.
func TestConflict2(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict2.json", 0, false)
	checkRootSource(t, r, conflict2RecallFloor, conflict2PrecisionFloor)
}

// conflict3RecallFloor and conflict3PrecisionFloor guard
// testdata/eval/conflict3.json, the third set of conflict and protest
// sentences, written after the second round of tuning on phrasings away
// from conflict.json and conflict2.json. Its first, untuned figures are
// the estimate of root+source recall and precision on unseen text.
const conflict3RecallFloor, conflict3PrecisionFloor = 0.63, 0.79 // first measured 0.667, 0.828 (untuned); 0.707, 0.845 after its fixes

// TestConflict3 scores the third conflict and protest set.
func TestConflict3(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict3.json", 0, false)
	checkRootSource(t, r, conflict3RecallFloor, conflict3PrecisionFloor)
}

// conflict4RecallFloor and conflict4PrecisionFloor guard
// testdata/eval/conflict4.json, the fourth set of conflict and protest
// sentences, at the root+source level: its first, untuned figures less
// about 0.03.
const conflict4RecallFloor, conflict4PrecisionFloor = 0.52, 0.75 // first measured 0.551, 0.785 (untuned)

// TestConflict4 scores the fourth conflict and protest set.
func TestConflict4(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict4.json", 0, false)
	checkRootSource(t, r, conflict4RecallFloor, conflict4PrecisionFloor)
}

// conflict5RecallFloor and conflict5PrecisionFloor guard
// testdata/eval/conflict5.json, the fifth set of conflict and protest
// sentences, written blind with many near-misses (sport, markets,
// disasters, crime, metaphors, fears, denials, background clauses,
// tallies, quotes, one act told with several verbs), at the root+source
// level: its first, untuned figures less about 0.03.
const conflict5RecallFloor, conflict5PrecisionFloor = 0.70, 0.76 // first measured 0.730, 0.790 (untuned)

// TestConflict5 scores the fifth conflict and protest set.
func TestConflict5(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict5.json", 0, false)
	checkRootSource(t, r, conflict5RecallFloor, conflict5PrecisionFloor)
}

// conflict6RecallFloor and conflict6PrecisionFloor guard
// testdata/eval/conflict6.json, the sixth set of conflict and protest
// sentences, written blind in the style of real reports (datelines,
// attributions, tallies, background clauses, two acts in a sentence,
// headlines, a quarter with no political event), at the root+source
// level: its first, untuned figures less about 0.03.
const conflict6RecallFloor, conflict6PrecisionFloor = 0.70, 0.70 // first measured 0.728, 0.735 (untuned)

// TestConflict6 scores the sixth conflict and protest set.
func TestConflict6(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict6.json", 0, false)
	checkRootSource(t, r, conflict6RecallFloor, conflict6PrecisionFloor)
}

// conflict7RecallFloor and conflict7PrecisionFloor guard
// testdata/eval/conflict7.json, the seventh set of conflict and protest
// sentences, written blind in real-report style (datelines,
// attributions, tallies, background clauses, two acts in a sentence,
// a quarter near-misses), at the root+source level: its first, untuned
// figures less about 0.03.
const conflict7RecallFloor, conflict7PrecisionFloor = 0.74, 0.74 // first measured 0.770, 0.770 (untuned, at 70c1b1f)

// TestConflict7 scores the seventh conflict and protest set.
func TestConflict7(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict7.json", 0, false)
	checkRootSource(t, r, conflict7RecallFloor, conflict7PrecisionFloor)
}

// conflict8RecallFloor and conflict8PrecisionFloor guard
// testdata/eval/conflict8.json, the eighth set of conflict and protest
// sentences, written blind after the abstention rules (coder/abstain.go)
// to test them on text they were not chosen on, at the root+source level:
// its first, untuned figures less about 0.03.
const conflict8RecallFloor, conflict8PrecisionFloor = 0.70, 0.70 // first measured 0.727, 0.727 (untuned, at 494e64d)

// TestConflict8 scores the eighth conflict and protest set.
func TestConflict8(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict8.json", 0, false)
	checkRootSource(t, r, conflict8RecallFloor, conflict8PrecisionFloor)
}

// conflict9RecallFloor and conflict9PrecisionFloor guard
// testdata/eval/conflict9.json, written blind after all five abstention
// classes (coder/abstain.go) were chosen, at the root+source level: its
// first, untuned figures less about 0.03.
const conflict9RecallFloor, conflict9PrecisionFloor = 0.75, 0.80 // first measured 0.781, 0.833 (untuned, at bc7ab94)

// TestConflict9 scores the ninth conflict and protest set.
func TestConflict9(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict9.json", 0, false)
	checkRootSource(t, r, conflict9RecallFloor, conflict9PrecisionFloor)
}

// conflict10RecallFloor and conflict10PrecisionFloor guard
// testdata/eval/conflict10.json, written blind in session 7 for issue 11
// (a tuning set), at the root+source level: its first, untuned figures
// less about 0.03.
const conflict10RecallFloor, conflict10PrecisionFloor = 0.72, 0.79 // first measured 0.749, 0.817 (untuned, at 839daba)

// TestConflict10 scores the tenth conflict and protest set.
func TestConflict10(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict10.json", 0, false)
	checkRootSource(t, r, conflict10RecallFloor, conflict10PrecisionFloor)
}

// conflict11RecallFloor and conflict11PrecisionFloor guard
// testdata/eval/conflict11.json, written blind in session 7 with
// conflict10.json as the out-of-sample check of that session's fixes (not
// tuned on), at the root+source level: its first, untuned figures less
// about 0.03. Like a held-out set, its mismatches are not printed (only
// its scores), so that nobody tunes on it by accident.
const conflict11RecallFloor, conflict11PrecisionFloor = 0.74, 0.78 // first measured 0.767, 0.815 (untuned, at 839daba)

// TestConflict11 scores the eleventh conflict and protest set.
func TestConflict11(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict11.json", 0, true)
	checkRootSource(t, r, conflict11RecallFloor, conflict11PrecisionFloor)
}

// conflict12RecallFloor and conflict12PrecisionFloor guard
// testdata/eval/conflict12.json, written blind by the lead in the middle of
// session 7 and scored at once by the binaries of the session's start
// (839daba) and of that hour (8f31767): a second out-of-sample check of the
// session, never tuned on. Like conflict11.json, only its scores are
// printed. Floors: the first figures less about 0.03.
const conflict12RecallFloor, conflict12PrecisionFloor = 0.84, 0.90 // first measured 0.869, 0.930 (untuned, at 839daba and at 8f31767)

// TestConflict12 scores the twelfth conflict and protest set.
func TestConflict12(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict12.json", 0, true)
	checkRootSource(t, r, conflict12RecallFloor, conflict12PrecisionFloor)
}

// TestConflictHeldout scores the held-out half of the conflict and
// protest set.
func TestConflictHeldout(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/conflict-heldout.json", 0, true)
	checkRootSource(t, r, heldoutRecallFloor, heldoutPrecisionFloor)
}

// The floors of the fresh held-out set (testdata/eval/fresh-heldout.json):
// the figures first measured on main when the set landed, less 0.05 (see
// testdata/eval/README.md, "Fresh held-out set"). The set is never used
// for tuning; it is only re-measured.
const (
	freshExactF1Floor                     = 0.353        // first measured 0.403
	freshRecallFloor, freshPrecisionFloor = 0.589, 0.697 // first measured 0.639, 0.747
)

// TestFreshHeldout scores the fresh held-out set: 298 conflict, protest,
// diplomatic and structure sentences written on 2026-12-04 after the
// tuning of the day, with gold written before petrel coded them. It logs
// only the exact and root+source scores; run with EVAL_SHOW_HELDOUT=1 and
// -v to see the per-root recall and every sentence coded differently
// from expected, once a round of changes is over.
func TestFreshHeldout(t *testing.T) {
	const path = "../testdata/eval/fresh-heldout.json"
	set, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r := Score(set, Code(builtinCoder(t), set))
	exact, rs := r.Scores[0], r.Scores[3]
	t.Logf("fresh held-out: %d sentences", len(set))
	t.Logf("fresh held-out exact        %s", exact)
	t.Logf("fresh held-out root+source  %s", rs)
	if testing.Verbose() && os.Getenv("EVAL_SHOW_HELDOUT") != "" {
		t.Logf("\n%s", r.Report(true))
	}
	if exact.F1 < freshExactF1Floor {
		t.Errorf("fresh held-out exact F1 %.3f is below the floor %.3f", exact.F1, freshExactF1Floor)
	}
	checkRootSource(t, r, freshRecallFloor, freshPrecisionFloor)
}

func checkRootSource(t *testing.T, r Result, recall, precision float64) {
	t.Helper()
	s := r.Scores[3]
	if s.R < recall {
		t.Errorf("root+source recall %.3f is below the floor %.3f", s.R, recall)
	}
	if s.P < precision {
		t.Errorf("root+source precision %.3f is below the floor %.3f", s.P, precision)
	}
}

// ucdpRecallFloor is the share of UCDP headlines with an event of a gold
// root, last measured less about 0.03.
const ucdpRecallFloor = 0.68 // measured 0.709 (0.750 with the alternative roots)

// TestUCDP codes the UCDP headlines (../shared/tuning/ucdp_ged, tuning
// material) and reports the share of headlines with an event whose root
// is one of the gold roots, and one of the gold or alternative roots.
func TestUCDP(t *testing.T) {
	hs, err := LoadHeadlines("../../shared/tuning/ucdp_ged/headlines.jsonl")
	if err != nil {
		t.Skipf("UCDP headlines not available: %v", err)
	}
	r := ScoreHeadlines(builtinCoder(t), hs)
	t.Logf("UCDP: %s", r)
	if r.Recall() < ucdpRecallFloor {
		t.Errorf("UCDP root recall %.3f is below the floor %.3f", r.Recall(), ucdpRecallFloor)
	}
}

func builtinCoder(t *testing.T) *coder.Coder {
	t.Helper()
	var diags dict.Diagnostics
	d, err := native.Load(dicts.FS, &diags)
	if err != nil {
		t.Fatal(err)
	}
	for _, dg := range diags {
		t.Errorf("built-in dictionary: %s", dg)
	}
	return coder.New(d, coder.DefaultOptions)
}

// scoreSet codes and scores one set. The mismatches of a held-out set are
// not printed, even with -v, so that nobody tunes on them by accident; set
// EVAL_SHOW_HELDOUT=1 to study them once a round of changes is over.
func scoreSet(t *testing.T, path string, floor float64, heldout bool) Result {
	t.Helper()
	set, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	pred := Code(builtinCoder(t), set)
	if dir := os.Getenv("EVAL_DUMP"); dir != "" {
		// EVAL_DUMP=DIR writes the coded events of each set, for study.
		b, _ := json.Marshal(pred)
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o644); err != nil {
			t.Error(err)
		}
	}
	r := Score(set, pred)
	show := testing.Verbose() && (!heldout || os.Getenv("EVAL_SHOW_HELDOUT") != "")
	t.Logf("%s: %d sentences\n%s", path, len(set), r.Report(show))
	if f := r.Scores[0].F1; f < floor {
		t.Errorf("%s: exact-triple F1 %.3f is below the floor %.3f", path, f, floor)
	}
	return r
}

// TestScore checks the scoring on a small hand-made case.
func TestScore(t *testing.T) {
	set := []Sentence{
		{Text: "a", Events: []Event{{"RUSGOV", "UKR", "190"}, {"UKR", "RUS", "190"}}},
		{Text: "b", Events: nil},
	}
	pred := [][]Event{
		{{"RUSMIL", "UKR", "195"}, {"UKR", "RUS", "190"}},
		{{"USA", "CHN", "010"}},
	}
	r := Score(set, pred)
	ex, rc, co := r.Scores[0], r.Scores[1], r.Scores[2]
	if ex.TP != 1 || ex.FP != 2 || ex.FN != 1 {
		t.Errorf("exact: %v", ex)
	}
	if rc.TP != 2 || rc.FP != 1 || rc.FN != 0 {
		t.Errorf("root+country: %v", rc)
	}
	if co.TP != 1 || co.FP != 2 || co.FN != 1 {
		t.Errorf("code: %v", co)
	}
	if got := r.RootRecall["19"]; got.Expected != 2 || got.Exact != 1 || got.Code != 1 {
		t.Errorf("root recall 19: %+v", got)
	}
	if len(r.Mismatches) != 2 {
		t.Errorf("mismatches: %d", len(r.Mismatches))
	}
}

// structure2F1Floor guards testdata/eval/structure2.json, the tuning set
// of structure sentences written for issue 10 in session 4: its first,
// untuned exact F1, less 0.03 (see testdata/eval/README.md).
const structure2F1Floor = 0.52 // first measured 0.558 (untuned, at 7d8d4b9)

// TestStructure2 scores the second structure set (tuning material:
// reported speech, control and complements, appositives, passives with
// and without agents, reduced relatives, "came under attack by",
// coordination, "X of Y", targets from objects and obliques, addressees,
// negation and modality, background clauses) at the exact and
// root+source levels. Run with -v to see every mismatched sentence.
func TestStructure2(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/structure2.json", structure2F1Floor, false)
	for i, lv := range Levels {
		t.Logf("structure2 %-12s P=%.3f R=%.3f F1=%.3f", lv.Name, r.Scores[i].P, r.Scores[i].R, r.Scores[i].F1)
	}
}

// structure3F1Floor guards testdata/eval/structure3.json, the tuning set
// of exact triples written blind for issue 10 in session 5: its first,
// untuned exact F1, less about 0.03 (see testdata/eval/README.md).
const structure3F1Floor = 0.69 // first measured 0.726 (untuned, at 6453f05)

// TestStructure3 scores the third structure set (tuning material: exact
// sub-codes and exact targets with their agents: victims named by a noun,
// objects, obliques, "X of Y", appositives, coordinated targets,
// addressees that are not targets) at every level. Run with -v to see
// every mismatched sentence.
func TestStructure3(t *testing.T) {
	r := scoreSet(t, "../testdata/eval/structure3.json", structure3F1Floor, false)
	for i, lv := range Levels {
		t.Logf("structure3 %-12s P=%.3f R=%.3f F1=%.3f", lv.Name, r.Scores[i].P, r.Scores[i].R, r.Scores[i].F1)
	}
}
