package ui_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	phttp "petrel/http"
)

// testMap drives the Map view: country outlines are drawn from the
// vendored TopoJSON, the clusters are those of GET /api/map for the view,
// sized by count and sliced by quad class, choosing one lists exactly its
// events in the events table, the map follows the filter, and zooming asks
// for a finer grid.
func testMap(t *testing.T, b *browser, base string) {
	b.open(t, "/?view=map")
	b.run(t, waitFor(`document.querySelector("svg.map").dataset.zoom === "1"`))

	// Outlines: every country of the 110m file, spanning the world.
	var land struct {
		Countries, Points int
		Width, Height     float64
		Outlines          string
	}
	evalInto(t, b, `(() => {
		const paths = [...document.querySelectorAll("svg.map g.land path.country")];
		const box = document.querySelector("svg.map g.land").getBBox();
		return {Countries: paths.length, Points: paths.reduce((n, p) => n + p.getAttribute("d").split("L").length, 0),
			Width: box.width, Height: box.height, Outlines: document.querySelector("svg.map g.land").dataset.outlines};
	})()`, &land)
	if land.Countries < 170 || land.Points < 5000 || land.Width < 950 || land.Height < 400 || land.Outlines != "coarse" {
		t.Errorf("outlines = %+v, want the 177 countries of countries-110m.json across the map", land)
	}

	// Clusters: those of the API for the whole world at zoom 1.
	var m phttp.MapResponse
	api(t, base, "/api/map?zoom=1&bbox=-180,-90,180,90", &m)
	if len(m.Cells) < 2 {
		t.Fatalf("the API gives %d cells: too few to test the map", len(m.Cells))
	}
	type cluster struct {
		BBox    string
		Count   string
		Classes []string
		Size    float64
	}
	var got struct {
		Located  string
		Clusters []cluster
	}
	evalInto(t, b, `({Located: document.querySelector(".summary").dataset.located,
		Clusters: [...document.querySelectorAll("svg.map g.cluster")].map(g => ({
			BBox: g.dataset.bbox, Count: g.dataset.count,
			Classes: [...g.querySelectorAll("[class^=q]")].map(e => e.getAttribute("class")),
			Size: g.getBoundingClientRect().width}))})`, &got)
	if len(got.Clusters) != len(m.Cells) || got.Located != fmt.Sprint(m.Located) {
		t.Fatalf("%d clusters, %s located; API %d cells, %d located", len(got.Clusters), got.Located, len(m.Cells), m.Located)
	}
	for i, c := range got.Clusters {
		cell := m.Cells[i]
		var want []string
		for q, n := range cell.Quads {
			if n > 0 {
				want = append(want, fmt.Sprintf("q%d", q+1))
			}
		}
		if c.BBox != cell.BBox || c.Count != fmt.Sprint(cell.Count) || !slices.Equal(c.Classes, want) {
			t.Errorf("cluster %d = %+v, API %+v", i, c, cell)
		}
	}
	first, last := got.Clusters[0], got.Clusters[len(got.Clusters)-1]
	if m.Cells[0].Count > m.Cells[len(m.Cells)-1].Count && first.Size <= last.Size {
		t.Errorf("the largest cluster (%s events) is %.1f px wide, the smallest (%s) %.1f px", first.Count, first.Size, last.Count, last.Size)
	}
	b.run(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); window.scrollTo(0, 0)`))
	b.screenshot(t, "map")

	// A click on the largest cluster lists its events, and only them.
	var pt struct{ X, Y float64 }
	evalInto(t, b, `(() => { const r = document.querySelector("svg.map g.cluster").getBoundingClientRect();
		return {X: r.x + r.width / 2, Y: r.y + r.height / 2}; })()`, &pt)
	b.run(t, chromedp.MouseClickXY(pt.X, pt.Y), waitFor(`location.search.includes("view=events")`), settled())
	var loc string
	evalInto(t, b, `location.search`, &loc)
	q, _ := url.ParseQuery(strings.TrimPrefix(loc, "?"))
	if q.Get("bbox") != m.Cells[0].BBox {
		t.Fatalf("after clicking the largest cluster: URL %s, want bbox=%s", loc, m.Cells[0].BBox)
	}
	var table struct {
		Total string
		Rows  []string
		Box   string
	}
	evalInto(t, b, `({Total: document.querySelector(".summary").dataset.total,
		Rows: [...document.querySelectorAll("table.events tbody tr")].map(r => r.dataset.eventId),
		Box: document.getElementById("f-bbox").value})`, &table)
	var evs phttp.EventsResponse
	api(t, base, "/api/events?limit=50&order=desc&bbox="+url.QueryEscape(m.Cells[0].BBox), &evs) // the table lists newest first
	if table.Total != fmt.Sprint(m.Cells[0].Count) || !slices.Equal(table.Rows, eventIDs(evs.Events)) || table.Box != m.Cells[0].BBox {
		t.Errorf("events table after the click: total %s, %d rows, box %q; the cluster has %d events, the API lists %d",
			table.Total, len(table.Rows), table.Box, m.Cells[0].Count, len(evs.Events))
	}
	for _, e := range evs.Events {
		if e.Location == nil {
			t.Errorf("event %s without a location listed for a cluster", e.ID)
		}
	}

	// The map follows the filter: material conflict only.
	b.open(t, "/?view=map&quad=4")
	b.run(t, waitFor(`document.querySelector("svg.map").dataset.zoom === "1"`))
	api(t, base, "/api/map?zoom=1&bbox=-180,-90,180,90&quad=4", &m)
	var classes []string
	var located string
	evalInto(t, b, `[...new Set([...document.querySelectorAll("svg.map g.cluster [class^=q]")].map(e => e.getAttribute("class")))]`, &classes)
	evalInto(t, b, `document.querySelector(".summary").dataset.located`, &located)
	if !slices.Equal(classes, []string{"q4"}) || located != fmt.Sprint(m.Located) || m.Located == 0 {
		t.Errorf("quad=4: cluster classes %v, located %s; API located %d", classes, located, m.Located)
	}

	// Zooming in asks for a finer grid of the part in view, and the URL
	// keeps the view.
	b.run(t, chromedp.Click(chromedp.CSS(`button[aria-label="Zoom in"]`)), waitFor(`document.querySelector("svg.map").dataset.zoom === "2"`))
	evalInto(t, b, `location.search`, &loc)
	q, _ = url.ParseQuery(strings.TrimPrefix(loc, "?"))
	if q.Get("at") == "" || q.Get("quad") != "4" {
		t.Errorf("after zooming: URL %s", loc)
	}
	// A new filter keeps the map where it is.
	at := q.Get("at")
	b.run(t, chromedp.SetValue(chromedp.CSS("#f-quad"), "3"), chromedp.Click(chromedp.CSS(`form.filters button[type=submit]`)),
		waitFor(`location.search.includes("quad=3")`), settled(), waitFor(`document.querySelector("svg.map").dataset.zoom === "2"`))
	evalInto(t, b, `location.search`, &loc)
	q, _ = url.ParseQuery(strings.TrimPrefix(loc, "?"))
	if q.Get("at") != at || q.Get("quad") != "3" {
		t.Errorf("after a new filter: URL %s, want at=%s and quad=3", loc, at)
	}
	b.check(t)
}
