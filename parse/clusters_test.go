package parse

import (
	"bytes"
	"testing"
)

// clusterText is a small text in which days follow "on" and precede
// "he", and countries follow "in" and precede "she".
func clusterText() *ClusterCounter {
	cc := NewClusterCounter()
	days := []string{"Monday", "Tuesday", "Friday"}
	places := []string{"Iran", "France", "Japan"}
	for i := 0; i < 30; i++ {
		d, p := days[i%3], places[(i/3)%3]
		cc.Add([]string{"it", "was", "on", d, "he", "said"})
		cc.Add([]string{"it", "was", "in", p, "she", "said"})
	}
	return cc
}

func TestCluster(t *testing.T) {
	var a, b bytes.Buffer
	opt := ClusterOptions{Classes: 4, MinCount: 3, Iters: 20}
	if err := clusterText().Cluster(&a, opt); err != nil {
		t.Fatal(err)
	}
	if err := clusterText().Cluster(&b, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs wrote different files")
	}
	m, err := readClusters(a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	class := func(w string) uint16 { return m[fnv(w, 2, true)] }
	for _, tc := range []struct{ x, y string }{{"monday", "friday"}, {"Tuesday", "monday"}, {"iran", "japan"}, {"France", "iran"}} {
		if class(tc.x) == 0 || class(tc.x) != class(tc.y) {
			t.Errorf("%s in class %d, %s in %d; want one class", tc.x, class(tc.x), tc.y, class(tc.y))
		}
	}
	if class("monday") == class("iran") {
		t.Errorf("days and countries share class %d", class("monday"))
	}
}

func TestReadClustersBad(t *testing.T) {
	for _, data := range [][]byte{
		[]byte("not clusters"),
		[]byte(clusterMagic + "\x05"),
		[]byte(clusterMagic + "\xff\xff\xff\xff\xff\xff"),
	} {
		m, err := readClusters(data)
		if err == nil || m == nil || len(m) != 0 {
			t.Errorf("%q: got %d clusters, error %v; want none and an error", data, len(m), err)
		}
	}
	if m, err := readClusters(nil); err != nil || len(m) != 0 {
		t.Errorf("empty file: %d clusters, %v", len(m), err)
	}
	if clusterErr != nil || len(clusterOf) < 1000 {
		t.Errorf("embedded clusters: %d words, %v", len(clusterOf), clusterErr)
	}
}
