package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"io"
	"os"
	"time"
)

// archiveFile is one file of an archive: its name inside the archive's
// top folder, where to read it, and whether it is a program.
type archiveFile struct {
	name string
	src  string
	exec bool
}

// epoch is the modification time of every archived file, so that the same
// sources give the same archive bytes.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func mode(f archiveFile) os.FileMode {
	if f.exec {
		return 0o755
	}
	return 0o644
}

// writeTarGz writes a gzip-compressed tar archive of files under top/.
func writeTarGz(dst, top string, files []archiveFile) error {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(out)
	tw := tar.NewWriter(gz)
	err = tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: top + "/", Mode: 0o755, ModTime: epoch, Format: tar.FormatPAX})
	for _, f := range files {
		if err != nil {
			break
		}
		err = addTar(tw, top, f)
	}
	for _, c := range []io.Closer{tw, gz, out} {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

func addTar(tw *tar.Writer, top string, f archiveFile) error {
	data, err := os.ReadFile(f.src)
	if err != nil {
		return err
	}
	h := &tar.Header{Typeflag: tar.TypeReg, Name: archivePath(top, f.name), Size: int64(len(data)), Mode: int64(mode(f)), ModTime: epoch, Format: tar.FormatPAX}
	if err := tw.WriteHeader(h); err != nil {
		return err
	}
	_, err = tw.Write(data)
	return err
}

// writeZip writes a zip archive of files under top/.
func writeZip(dst, top string, files []archiveFile) error {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	for _, f := range files {
		if err = addZip(zw, top, f); err != nil {
			break
		}
	}
	for _, c := range []io.Closer{zw, out} {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

func addZip(zw *zip.Writer, top string, f archiveFile) error {
	data, err := os.ReadFile(f.src)
	if err != nil {
		return err
	}
	h := &zip.FileHeader{Name: archivePath(top, f.name), Method: zip.Deflate, Modified: epoch}
	h.SetMode(mode(f))
	w, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
