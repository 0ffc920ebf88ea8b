package sqlstore

import (
	"context"
	"database/sql"
	"math"
	"sort"

	"petrel"
)

// Grid implements petrel.Store.Grid. The database counts the matching
// events per coordinates and quad class, from map_rollup (see
// MapRollupAdd), or, for a text or article filter, from the events through
// the events_map index (its columns in group order); the distinct places
// that come back are then binned into cells here, so the grid's cell size
// never reaches the SQL and one table serves every zoom.
func Grid(ctx context.Context, db Querier, d *Dialect, q petrel.GridQuery) ([]petrel.GridCell, error) {
	if q.Zoom < 0 || q.Zoom > petrel.MaxZoom {
		return nil, &petrel.Error{Code: petrel.EINVALID, Param: "zoom", Message: "zoom must be 0 to 16"}
	}
	f := q.Filter
	f.Cursor, f.Offset, f.Limit = "", 0, 0
	f, err := f.Normalize()
	if err != nil {
		return nil, err
	}
	out := []petrel.GridCell{}
	mode, none, err := textModeOf(ctx, db, d, f)
	if err != nil || none {
		return out, err
	}
	if mode == textProbe {
		mode = textSet
	}
	var p params
	cond, none, err := whereText(f, d, &p, mode)
	if err != nil || none {
		return out, err
	}
	// map_rollup holds every column the filter reads but text and
	// article. Otherwise: loc_start is set exactly when an event has a
	// location, the same condition as the events_map index's.
	query := "SELECT e.loc_lon, e.loc_lat, e.quad_class, SUM(e.n) FROM map_rollup e WHERE " +
		cond + " GROUP BY e.loc_lon, e.loc_lat, e.quad_class ORDER BY 1, 2"
	if f.Text != "" || f.ArticleID != "" {
		query = "SELECT e.loc_lon, e.loc_lat, e.quad_class, COUNT(*) FROM events e WHERE e.loc_start IS NOT NULL AND " +
			cond + " GROUP BY e.loc_lon, e.loc_lat, e.quad_class ORDER BY 1, 2"
	}
	size := petrel.GridCellSize(q.Zoom)
	cols := int(math.Round(360 / size))
	rows := int(math.Round(180 / size))
	type acc struct {
		cell       petrel.GridCell
		sLat, sLon float64
		lastLon    float64
		lastLat    float64
	}
	cells := map[int]*acc{}
	err = each(ctx, db, query, []any(p), func(r *sql.Rows) error {
		var (
			lon, lat sql.NullFloat64
			quad, n  int
		)
		if err := r.Scan(&lon, &lat, &quad, &n); err != nil {
			return err
		}
		if !lon.Valid || !lat.Valid || math.IsNaN(lon.Float64) || math.IsNaN(lat.Float64) {
			return nil
		}
		x, y := lon.Float64, lat.Float64
		col := min(max(int(math.Floor((x+180)/size)), 0), cols-1)
		row := min(max(int(math.Floor((y+90)/size)), 0), rows-1)
		k := row*cols + col
		a := cells[k]
		if a == nil {
			a = &acc{cell: petrel.GridCell{Row: row, Col: col, BBox: petrel.BBox{MinLon: x, MinLat: y, MaxLon: x, MaxLat: y}}}
			cells[k] = a
		} else if a.lastLon != x || a.lastLat != y {
			b := &a.cell.BBox
			b.MinLon, b.MaxLon = min(b.MinLon, x), max(b.MaxLon, x)
			b.MinLat, b.MaxLat = min(b.MinLat, y), max(b.MaxLat, y)
		}
		// Rows come ordered by coordinates, so a place's quad classes
		// follow one another and a new place is a change of coordinates.
		if a.cell.Count == 0 || a.lastLon != x || a.lastLat != y {
			a.cell.Places++
		}
		a.lastLon, a.lastLat = x, y
		a.cell.Count += n
		if quad >= 1 && quad <= 4 {
			a.cell.Quads[quad-1] += n
		}
		a.sLon += x * float64(n)
		a.sLat += y * float64(n)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, a := range cells {
		c := a.cell
		c.Lon = round6(a.sLon / float64(c.Count))
		c.Lat = round6(a.sLat / float64(c.Count))
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Row != out[j].Row {
			return out[i].Row < out[j].Row
		}
		return out[i].Col < out[j].Col
	})
	return out, nil
}

// round6 rounds a coordinate to a millionth of a degree (about 10 cm), so
// that means summed in another order give the same figure.
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }
