import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFileKind } from "@/lib/files/sniff";

// Guards against an evidence upload whose content is not what its name says: a browser or an
// office program opening a script, a page or an executable that a vendor (or an attacker with
// a vendor link) passed off as a PDF or a spreadsheet. Real files, made by real writers (see
// tests/README.md), not hand-typed magic numbers.

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/files");
const file = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const kindOf = (bytes: Buffer, fileName: string) => detectFileKind({ bytes, fileName });
const utf8 = (text: string) => Buffer.from(text, "utf8");

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n';

describe("detectFileKind accepts each allowed kind by its content", () => {
  it.each([
    ["dr-test.pdf", "dr-test.pdf", "pdf"],
    ["site-photo.png", "site-photo.png", "png"],
    ["site-photo.jpg", "site-photo.jpg", "jpeg"],
    ["site-photo.jpg", "site-photo.jpeg", "jpeg"],
    ["bc-plan.docx", "bc-plan.docx", "docx"],
    ["restore-tests.xlsx", "restore-tests.xlsx", "xlsx"],
  ])("%s named %s is %s", (fixture, fileName, kind) => {
    expect(kindOf(file(fixture), fileName)).toBe(kind);
  });

  it("reads the extension without regard to case", () => {
    expect(kindOf(file("dr-test.pdf"), "DR-TEST.PDF")).toBe("pdf");
    expect(kindOf(file("site-photo.jpg"), "Photo.JPG")).toBe("jpeg");
  });

  it("accepts UTF-8 text as .csv and .txt, whatever the script", () => {
    const csv = utf8("site,city,country\nFrankfurt Ost,Frankfurt,DE\n東京,東京,JP\n");
    expect(kindOf(csv, "sites.csv")).toBe("csv");
    expect(kindOf(utf8("Restore test: 412 GB in 3 h 40 min, Zürich Süd.\n"), "notes.txt")).toBe(
      "txt",
    );
  });
});

describe("detectFileKind refuses", () => {
  it("a real file under another kind's name: the name must agree with the content", () => {
    expect(kindOf(file("dr-test.pdf"), "dr-test.png")).toBeUndefined();
    expect(kindOf(file("site-photo.png"), "site-photo.pdf")).toBeUndefined();
    expect(kindOf(file("site-photo.jpg"), "site-photo.png")).toBeUndefined();
    expect(kindOf(file("bc-plan.docx"), "bc-plan.xlsx")).toBeUndefined();
    expect(kindOf(file("restore-tests.xlsx"), "restore-tests.docx")).toBeUndefined();
    expect(kindOf(file("dr-test.pdf"), "dr-test")).toBeUndefined();
  });

  it("a kind that is not allowed, under an allowed name", () => {
    expect(kindOf(file("site-photo.gif"), "site-photo.png")).toBeUndefined();
    // Any ZIP archive that is not a Word or Excel file (no OOXML content types).
    expect(kindOf(file("archive.zip"), "archive.docx")).toBeUndefined();
    expect(kindOf(file("archive.zip"), "archive.xlsx")).toBeUndefined();
    // An executable: the first 4 KiB of the Node binary running this test.
    const executable = fs.readFileSync(process.execPath).subarray(0, 4096);
    expect(kindOf(executable, "report.pdf")).toBeUndefined();
    expect(kindOf(executable, "report.txt")).toBeUndefined();
  });

  it("markup passed off as a document, an image or text (a browser would run it)", () => {
    for (const name of ["diagram.pdf", "diagram.png", "diagram.txt", "diagram.csv"]) {
      expect(kindOf(utf8(SVG), name)).toBeUndefined();
      expect(kindOf(utf8(`<?xml version="1.0"?>\n${SVG}`), name)).toBeUndefined();
    }
    const html = "  <!DOCTYPE html><html><body onload=alert(1)>Restore test</body></html>";
    expect(kindOf(utf8(html), "restore-test.txt")).toBeUndefined();
    expect(kindOf(utf8("<!-- x --><script>alert(1)</script>"), "a.csv")).toBeUndefined();
  });

  it("text that is not valid UTF-8 or holds a NUL, and text under any other name", () => {
    expect(kindOf(Buffer.from("Zürich Süd,CH\n", "latin1"), "sites.csv")).toBeUndefined();
    expect(kindOf(utf8("a,b\u0000c\n"), "sites.csv")).toBeUndefined();
    expect(kindOf(utf8("# Restore test\n"), "notes.md")).toBeUndefined();
    expect(kindOf(utf8("echo restored\n"), "restore.sh")).toBeUndefined();
  });
});
