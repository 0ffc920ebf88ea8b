package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"petrel"
	"petrel/output"
)

// hiveNull is the partition value Hive, Spark and DuckDB read as null:
// undated events go under year=__HIVE_DEFAULT_PARTITION__.
const hiveNull = "__HIVE_DEFAULT_PARTITION__"

// runExport is "petrel export": it writes the stored events that match the
// filters as a Parquet dataset partitioned by year and month.
func (m *Main) runExport(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("petrel export", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := m.dbFlag(fs)
	f := filterFlags(fs)
	format := fs.String("format", "parquet", "dataset format: parquet")
	out := fs.String("out", "", "directory to write the dataset to: it must be empty or not exist")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: petrel export --out DIR [flags]\n\nWrites the stored events that match the filters as a Parquet dataset\npartitioned by event date, Hive-style: DIR/year=YYYY/month=MM/part-0.parquet\n(undated events under year="+hiveNull+"). pandas, R (arrow), Polars,\nDuckDB and Spark read the directory as one table (docs/OUTPUT.md).\n\nFlags:")
		fs.PrintDefaults()
	}
	if _, err := parseCommand(fs, args, false); err != nil {
		return err
	}
	if *format != "parquet" {
		return fmt.Errorf("--format: unknown format %q (want parquet)", *format)
	}
	if *out == "" {
		fs.Usage()
		return flag.ErrHelp
	}
	if ents, err := os.ReadDir(*out); err == nil && len(ents) > 0 {
		return fmt.Errorf("--out %s is not empty: export into a new directory", *out)
	}
	store, err := openStore(*db, false)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	x := &partitionWriter{dir: *out, parts: map[string]int{}}
	f.Limit = 0
	err = store.EachEvent(ctx, *f, x.write)
	if cerr := x.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return usageError(err)
	}
	fmt.Fprintf(m.Stderr, "petrel: %d events in %d files under %s in %v\n", x.rows, x.files, *out, time.Since(start).Round(time.Millisecond))
	return nil
}

// partitionWriter writes events to one Parquet file per year and month.
// Events arrive ordered by date, so one file is open at a time; a
// partition seen again (which that order rules out) gets a new part file
// rather than overwriting the first.
type partitionWriter struct {
	dir   string
	parts map[string]int // partition directory → part files written
	key   string
	tmp   string // the open file's temporary name, renamed on close
	path  string
	file  *os.File
	bw    *bufio.Writer
	pq    *output.Parquet
	rows  int
	files int
}

func (x *partitionWriter) write(e *petrel.StoredEvent) error {
	year, month := hiveNull, hiveNull
	if len(e.Date) >= 7 {
		year, month = e.Date[:4], e.Date[5:7]
	}
	key := filepath.Join("year="+year, "month="+month)
	if key != x.key || x.pq == nil {
		if err := x.close(); err != nil {
			return err
		}
		if err := x.open(key); err != nil {
			return err
		}
	}
	x.rows++
	return x.pq.WriteStored(e)
}

func (x *partitionWriter) open(key string) error {
	dir := filepath.Join(x.dir, key)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	n := x.parts[key]
	x.parts[key] = n + 1
	x.key = key
	x.path = filepath.Join(dir, fmt.Sprintf("part-%d.parquet", n))
	// Readers skip names starting with "." or "_": a file being written,
	// or left by a crash, is never read as part of the dataset.
	x.tmp = filepath.Join(dir, fmt.Sprintf(".part-%d.parquet.tmp", n))
	f, err := os.Create(x.tmp)
	if err != nil {
		return err
	}
	x.file = f
	x.bw = bufio.NewWriterSize(f, 1<<20)
	x.pq = output.NewParquet(x.bw)
	return nil
}

// close finishes the open file, if any, and gives it its final name.
func (x *partitionWriter) close() error {
	if x.pq == nil {
		return nil
	}
	err := x.pq.Close()
	if err == nil {
		err = x.bw.Flush()
	}
	if cerr := x.file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(x.tmp, x.path)
	} else {
		os.Remove(x.tmp)
	}
	x.pq, x.file, x.bw = nil, nil, nil
	if err != nil {
		return errors.Join(fmt.Errorf("write %s", x.path), err)
	}
	x.files++
	return nil
}
