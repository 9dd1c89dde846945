//! bzip2 decompressed on several threads, with the bytes and errors of the
//! one-thread decoder.
//!
//! A bzip2 stream is a header (`BZh1`..`BZh9`), blocks that each start with
//! the 48-bit magic `0x314159265359` and their CRC, and an end marker
//! (`0x177245385090`) with the CRC of the blocks' CRCs; blocks are not byte
//! aligned. Each block is cut out at its magic, made a stream of its own
//! (same level, one block, its CRC as the stream's) and decompressed on the
//! rayon pool, a few at a time, in order. The compressed file is read a
//! segment at a time, so memory stays a few blocks whatever its size.
//!
//! Anything unexpected (a magic inside a block's data, a bad header or CRC,
//! bytes after the last stream, a file cut short, a read error) stops the
//! parallel reading: the file is then decompressed again on one thread from
//! its start, and the chunks already handed over are skipped, so the reader
//! gets the same bytes, cut at the same place, and the same error, as with
//! the one-thread decoder alone.

use std::fs::File;
use std::io::{self, Read};

use rayon::prelude::*;

const BLOCK_MAGIC: u64 = 0x3141_5926_5359;
const END_MAGIC: u64 = 0x1772_4538_5090;
/// Bytes of the compressed file read at a time.
const SEGMENT: usize = 1 << 22;

/// Why the parallel reading stopped: the one-thread decoder takes over.
#[derive(Debug)]
pub(super) struct Fallback;

/// The compressed bytes not yet cut into blocks.
struct Input {
    file: File,
    buf: Vec<u8>,
    eof: bool,
}

impl Input {
    /// Make sure bits up to `end` are in the buffer, when the file has them.
    fn need_bits(&mut self, end: u64) -> Result<bool, Fallback> {
        while (self.buf.len() as u64) * 8 < end {
            if self.eof {
                return Ok(false);
            }
            let at = self.buf.len();
            self.buf.resize(at + SEGMENT, 0);
            let n = loop {
                match self.file.read(&mut self.buf[at..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(_) => return Err(Fallback),
                }
            };
            self.buf.truncate(at + n);
            self.eof = n == 0;
        }
        Ok(true)
    }

    /// `n` (at most 57) bits at bit `at`, most significant first.
    fn bits(&self, at: u64, n: u32) -> u64 {
        let mut v: u64 = 0;
        let first = (at / 8) as usize;
        for i in 0..8 {
            v = (v << 8) | u64::from(self.buf.get(first + i).copied().unwrap_or(0));
        }
        let shift = (at % 8) as u32;
        (v << shift) >> (64 - n)
    }

    /// The bit where the first block or end magic at or after `from` starts,
    /// reading on as needed; `None` at the end of the file.
    ///
    /// A magic starting `s` bits into a byte holds five whole bytes (six
    /// when `s` is 0) that do not depend on its neighbours: `memmem` finds
    /// those for the 16 placements, and each hit is checked bit by bit.
    fn next_magic(&mut self, from: u64, finders: &Finders) -> Result<Option<u64>, Fallback> {
        // Bytes already searched, from where the next search starts.
        let mut start = (from / 8) as usize;
        loop {
            let end = self.buf.len();
            let mut best: Option<u64> = None;
            for f in &finders.0 {
                // The whole bytes start one byte after the magic when it is
                // not byte aligned.
                let lead = usize::from(f.shift != 0);
                let lo = start + lead;
                if lo >= end {
                    continue;
                }
                let mut at = lo;
                while let Some(i) = f.finder.find(&self.buf[at..end]) {
                    let byte = at + i - lead;
                    let bit = byte as u64 * 8 + u64::from(f.shift);
                    if bit >= from && best.is_none_or(|b| bit < b) && self.magic_at(bit) {
                        best = Some(bit);
                        break;
                    }
                    if best.is_some_and(|b| bit >= b) {
                        break;
                    }
                    at += i + 1;
                }
            }
            if let Some(bit) = best {
                return Ok(Some(bit));
            }
            // Nothing in the buffer: read on, keeping the last bytes, which
            // a magic may straddle.
            let before = self.buf.len();
            if !self.need_bits((before as u64 + 1) * 8)? {
                return Ok(None);
            }
            start = before.saturating_sub(7).max((from / 8) as usize);
        }
    }

    /// Whether a block or end magic starts at bit `at` (all its bytes are in
    /// the buffer).
    fn magic_at(&self, at: u64) -> bool {
        if (at + 48).div_ceil(8) > self.buf.len() as u64 {
            return false;
        }
        let m = self.bits(at, 48);
        m == BLOCK_MAGIC || m == END_MAGIC
    }

    /// Drop the bytes before bit `keep`; returns how many bits were dropped.
    fn trim(&mut self, keep: u64) -> u64 {
        let bytes = (keep / 8) as usize;
        if bytes < SEGMENT {
            return 0;
        }
        self.buf.drain(..bytes);
        bytes as u64 * 8
    }

    /// Bits `[from, to)` as a stream of one block at `level`, ended with `crc`.
    /// The header is 4 bytes, so the block's bits start byte aligned in the
    /// stream: whole bytes are copied shifted, the last bits through a
    /// [`BitWriter`].
    fn block_stream(&self, level: u8, from: u64, to: u64, crc: u32) -> Vec<u8> {
        let bits = to - from;
        let whole = (bits / 8) as usize;
        let mut out = Vec::with_capacity(4 + whole + 12);
        out.extend_from_slice(b"BZh");
        out.push(level);
        let first = (from / 8) as usize;
        let shift = (from % 8) as u32;
        if shift == 0 {
            out.extend_from_slice(&self.buf[first..first + whole]);
        } else {
            // Byte `first + whole` holds bits before `to` (shift > 0).
            out.extend(
                self.buf[first..=first + whole]
                    .windows(2)
                    .map(|w| (w[0] << shift) | (w[1] >> (8 - shift))),
            );
        }
        let mut w = BitWriter { out, acc: 0, n: 0 };
        let rest = (bits % 8) as u32;
        if rest > 0 {
            w.put(self.bits(from + whole as u64 * 8, rest), rest);
        }
        w.put(END_MAGIC, 48);
        w.put(u64::from(crc), 32);
        w.finish()
    }
}

/// The byte patterns of the block and end magics at each of the 8 bit
/// placements: 16 finders.
struct Finders(Vec<Finder>);

struct Finder {
    shift: u8,
    finder: memchr::memmem::Finder<'static>,
}

impl Finders {
    fn new() -> Self {
        let mut out = Vec::new();
        for magic in [BLOCK_MAGIC, END_MAGIC] {
            for shift in 0..8u8 {
                // The magic placed `shift` bits into a 64-bit window.
                let v = magic << (16 - shift);
                let bytes = v.to_be_bytes();
                let whole: Vec<u8> = if shift == 0 {
                    bytes[..6].to_vec()
                } else {
                    bytes[1..6].to_vec()
                };
                out.push(Finder {
                    shift,
                    finder: memchr::memmem::Finder::new(&whole).into_owned(),
                });
            }
        }
        Self(out)
    }
}

#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    /// The low `bits` (at most 56) bits of `v`.
    fn put(&mut self, v: u64, bits: u32) {
        let mask = |n: u32| (1u64 << n) - 1;
        self.acc = (self.acc << bits) | (v & mask(bits));
        self.n += bits;
        while self.n >= 8 {
            self.n -= 8;
            self.out.push((self.acc >> self.n) as u8);
        }
        self.acc &= mask(self.n);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push((self.acc << (8 - self.n)) as u8);
        }
        self.out
    }
}

fn decode(stream: &[u8]) -> Result<Vec<u8>, Fallback> {
    let mut out = Vec::with_capacity(stream.len() * 6);
    bzip2::read::BzDecoder::new(stream)
        .read_to_end(&mut out)
        .map_err(|_| Fallback)?;
    Ok(out)
}

/// Decompress `file` (a bzip2 file, read from its start) on the rayon pool,
/// handing `send` full chunks of `chunk` bytes and then the last, shorter
/// one. `send` returns false when the reader is gone. On a [`Fallback`], the
/// chunks already handed over are all full and are the one-thread decoder's
/// first chunks.
pub(super) fn decompress(
    file: File,
    chunk: usize,
    mut send: impl FnMut(Vec<u8>) -> bool,
) -> Result<(), Fallback> {
    let mut input = Input {
        file,
        buf: Vec::new(),
        eof: false,
    };
    let finders = Finders::new();
    let batch_len = rayon::current_num_threads().max(1) * 2;
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(batch_len);
    let mut pending: Vec<u8> = Vec::with_capacity(chunk);
    let mut gone = false;
    // Decompress the batch and hand over its bytes; true when the reader is gone.
    let mut flush = |batch: &mut Vec<Vec<u8>>, pending: &mut Vec<u8>| -> Result<bool, Fallback> {
        let decoded: Vec<Result<Vec<u8>, Fallback>> = batch.par_iter().map(|s| decode(s)).collect();
        batch.clear();
        for d in decoded {
            let mut d: &[u8] = &d?;
            while !d.is_empty() {
                let take = (chunk - pending.len()).min(d.len());
                pending.extend_from_slice(&d[..take]);
                d = &d[take..];
                if pending.len() == chunk && !gone {
                    gone = !send(std::mem::replace(pending, Vec::with_capacity(chunk)));
                }
                if gone {
                    // The reader stopped: nothing more to do.
                    return Ok(true);
                }
            }
        }
        Ok(false)
    };
    // The bit where the next stream's header starts (byte aligned).
    let mut pos: u64 = 0;
    let mut streams = 0usize;
    loop {
        if !input.need_bits(pos + 32)? {
            // Nothing after the last stream: the end (an empty file is the
            // one-thread decoder's error).
            if streams > 0 && (input.buf.len() as u64) * 8 == pos {
                break;
            }
            return Err(Fallback);
        }
        let header = input.bits(pos, 32);
        let level = (header & 0xff) as u8;
        if header >> 8 != 0x42_5a_68 || !(b'1'..=b'9').contains(&level) {
            return Err(Fallback);
        }
        pos += 32;
        let mut combined: u32 = 0;
        loop {
            if !input.need_bits(pos + 80)? {
                return Err(Fallback);
            }
            let magic = input.bits(pos, 48);
            let crc = input.bits(pos + 48, 32) as u32;
            if magic == END_MAGIC {
                if crc != combined {
                    return Err(Fallback);
                }
                pos = (pos + 80).div_ceil(8) * 8;
                break;
            }
            if magic != BLOCK_MAGIC {
                return Err(Fallback);
            }
            let Some(end) = input.next_magic(pos + 80, &finders)? else {
                return Err(Fallback);
            };
            combined = combined.rotate_left(1) ^ crc;
            batch.push(input.block_stream(level, pos, end, crc));
            pos = end;
            if batch.len() == batch_len && flush(&mut batch, &mut pending)? {
                return Ok(());
            }
            let dropped = input.trim(pos);
            pos -= dropped;
        }
        streams += 1;
        let dropped = input.trim(pos);
        pos -= dropped;
    }
    if !flush(&mut batch, &mut pending)? && !pending.is_empty() {
        send(pending);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn compress(data: &[u8], level: u32) -> Vec<u8> {
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::new(level));
        bz.write_all(data).unwrap();
        bz.finish().unwrap()
    }

    /// Text that compresses like wikitext and spans many 100 kB blocks.
    fn text(n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n);
        let mut x: u64 = 7;
        let words = [
            "the ",
            "painting ",
            "[[Monet]] ",
            "of ",
            "{{cite|",
            "}}\n",
            "é ",
            "1872 ",
        ];
        while out.len() < n {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            out.extend_from_slice(words[(x >> 60) as usize % words.len()].as_bytes());
            if x.is_multiple_of(97) {
                out.extend_from_slice(&[b'a'; 300]);
            }
        }
        out
    }

    fn parallel(bytes: &[u8], chunk: usize) -> (Vec<Vec<u8>>, Result<(), Fallback>) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.bz2");
        std::fs::write(&p, bytes).unwrap();
        let mut got = Vec::new();
        let r = decompress(File::open(&p).unwrap(), chunk, |c| {
            got.push(c);
            true
        });
        (got, r)
    }

    #[test]
    fn blocks_and_streams_decompress_as_one_thread_does() {
        let a = text(700_000);
        let b = text(250_000);
        let mut multi = compress(&a, 1);
        multi.extend(compress(b"", 9));
        multi.extend(compress(&b, 3));
        let mut both = a.clone();
        both.extend(&b);
        for (bytes, want) in [(compress(&a, 1), &a), (multi, &both), (compress(&b, 9), &b)] {
            for chunk in [1 << 18, 4096, 1000] {
                let (got, r) = parallel(&bytes, chunk);
                assert!(r.is_ok());
                assert!(got[..got.len() - 1].iter().all(|c| c.len() == chunk));
                assert_eq!(got.concat(), *want);
            }
        }
    }

    #[test]
    fn anything_unexpected_falls_back_after_full_chunks_only() {
        let a = text(700_000);
        let good = compress(&a, 1);
        let mut cases = vec![
            Vec::new(),
            good[..good.len() / 2].to_vec(),
            good[..good.len() - 3].to_vec(),
            [good.as_slice(), b"junk"].concat(),
            [good.as_slice(), &[0]].concat(),
            b"BZh0".to_vec(),
            b"not bzip2".to_vec(),
        ];
        for at in [100, good.len() / 3, good.len() - 8] {
            let mut bad = good.clone();
            bad[at] ^= 0x10;
            cases.push(bad);
        }
        for bytes in cases {
            let (got, r) = parallel(&bytes, 4096);
            assert!(r.is_err(), "{} bytes", bytes.len());
            assert!(got.iter().all(|c| c.len() == 4096));
            let sent = got.concat();
            assert_eq!(sent, a[..sent.len()]);
        }
    }
}
