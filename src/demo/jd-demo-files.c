/* jd-demo-files.c: the output files of the sample jobs, in every format
 * the Server offers: CSV, HTML, a one-page PDF, DOCX and XLSX (stored ZIP
 * archives), a YXDB-like header and a ZIP of the CSV. Built on request
 * from the job's table shape; the large ones are cached by the server.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>

#include "jd-demo-data.h"
#include "jd-demo-ids.h"
#include "jd-demo-samples.h"

typedef enum
{
  TABLE_SALES,
  TABLE_INVENTORY,
} TableKind;


/* ------------------------------------------------------------------ */
/* Output files                                                        */

typedef struct
{
  guint        n_columns;
  const char  *headers[8];
} TableShape;

static const TableShape table_shapes[] = {
  [TABLE_SALES] = { 7, { "Region", "Store", "City", "Week", "Category", "Units", "Net_Revenue_EUR" } },
  [TABLE_INVENTORY] = { 6, { "SKU", "Description", "Warehouse", "Expected", "Counted", "Variance" } },
};

static TableKind
table_kind (const JdDemoJob *job)
{
  if (job->workflow != NULL && g_str_equal (job->workflow->id, JD_DEMO_WORKFLOW_INVENTORY))
    return TABLE_INVENTORY;

  return TABLE_SALES;
}

/* One cell of row @row (0-based, after the header). Numbers are plain. */
static void
append_cell (GString   *out,
             TableKind  kind,
             guint      row,
             guint      column)
{
  guint mix = row * 2654435761u;

  if (kind == TABLE_SALES)
    {
      guint units = 1 + (mix >> 7) % 480;

      switch (column)
        {
        case 0: g_string_append (out, regions[row % G_N_ELEMENTS (regions)]); break;
        case 1: g_string_append_printf (out, "S-%04u", 1000 + (row * 37) % 9000); break;
        case 2: g_string_append (out, cities[(row / 3) % G_N_ELEMENTS (cities)]); break;
        case 3: g_string_append_printf (out, "2024-W%02u", 1 + (row / 11) % 38); break;
        case 4: g_string_append (out, categories[(row / 2) % G_N_ELEMENTS (categories)]); break;
        case 5: g_string_append_printf (out, "%u", units); break;
        case 6:
        default:
          g_string_append_printf (out, "%u.%02u", units * (3 + (mix >> 13) % 90), (mix >> 3) % 100);
          break;
        }
    }
  else
    {
      guint expected = 10 + (mix >> 9) % 900;
      int variance = (int) ((mix >> 5) % 11) - 5;

      switch (column)
        {
        case 0: g_string_append_printf (out, "SKU-%06u", 100000 + row * 13); break;
        case 1: g_string_append (out, products[row % G_N_ELEMENTS (products)]); break;
        case 2: g_string_append (out, warehouses[(row / 5) % G_N_ELEMENTS (warehouses)]); break;
        case 3: g_string_append_printf (out, "%u", expected); break;
        case 4: g_string_append_printf (out, "%u", (guint) ((int) expected + variance)); break;
        case 5:
        default:
          g_string_append_printf (out, "%d", variance);
          break;
        }
    }
}

static gboolean
column_is_numeric (TableKind kind,
                   guint     column)
{
  return kind == TABLE_SALES ? column >= 5 : column >= 3;
}

static GBytes *
build_csv (TableKind kind,
           guint     rows)
{
  const TableShape *shape = &table_shapes[kind];
  GString *out = g_string_sized_new (64 + rows * 64);
  g_autoptr(GString) cell = g_string_new (NULL);

  for (guint c = 0; c < shape->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      g_string_append (out, shape->headers[c]);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < rows; r++)
    {
      for (guint c = 0; c < shape->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');

          g_string_truncate (cell, 0);
          append_cell (cell, kind, r, c);
          if (strpbrk (cell->str, ",\"\r\n") != NULL)
            {
              g_string_append_c (out, '"');
              for (const char *p = cell->str; *p; p++)
                {
                  if (*p == '"')
                    g_string_append_c (out, '"');
                  g_string_append_c (out, *p);
                }
              g_string_append_c (out, '"');
            }
          else
            {
              g_string_append_len (out, cell->str, cell->len);
            }
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

static void
append_xml_escaped (GString    *out,
                    const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* The preview formats (HTML, PDF, DOCX, XLSX) show at most this many rows. */
#define PREVIEW_ROWS 200

static GBytes *
build_html (const JdDemoJob    *job,
            const JdDemoOutput *output,
            TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  g_autoptr(GString) cell = g_string_new (NULL);
  guint rows = MIN (output->csv_rows, PREVIEW_ROWS);

  append_xml_escaped (out, jd_demo_data_file_basename (output->file_name));
  g_string_append (out, "</title>\n<style>table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
                        "td.n{text-align:right}</style>\n</head>\n<body>\n<h1>");
  append_xml_escaped (out, job->workflow != NULL ? job->workflow->name : "Job output");
  g_string_append_printf (out, "</h1>\n<p>Job %s</p>\n<table>\n<tr>", job->id);
  for (guint c = 0; c < shape->n_columns; c++)
    g_string_append_printf (out, "<th>%s</th>", shape->headers[c]);
  g_string_append (out, "</tr>\n");

  for (guint r = 0; r < rows; r++)
    {
      g_string_append (out, "<tr>");
      for (guint c = 0; c < shape->n_columns; c++)
        {
          g_string_truncate (cell, 0);
          append_cell (cell, kind, r, c);
          g_string_append (out, column_is_numeric (kind, c) ? "<td class=\"n\">" : "<td>");
          append_xml_escaped (out, cell->str);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table>\n</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}

static void
append_pdf_text (GString    *out,
                 const char *text)
{
  /* The standard Helvetica font has no CJK glyphs: transliterate. */
  g_autofree char *ascii = g_str_to_ascii (text, "C");

  g_string_append_c (out, '(');
  for (const char *p = ascii; *p; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append (out, ") Tj\n");
}

/* A one-page PDF with a correct cross-reference table. */
static GBytes *
build_pdf (const JdDemoJob    *job,
           const JdDemoOutput *output,
           TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  GString *out = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr(GString) content = g_string_new ("BT\n/F1 16 Tf\n50 800 Td\n");
  g_autoptr(GString) line = g_string_new (NULL);
  gsize offsets[6];
  gsize xref;
  guint rows = MIN (output->csv_rows, 40);

  append_pdf_text (content, job->workflow != NULL ? job->workflow->name : "Job output");
  g_string_append (content, "/F1 9 Tf\n0 -20 Td\n");
  g_string_printf (line, "Job %s - %s", job->id, jd_demo_data_file_basename (output->file_name));
  append_pdf_text (content, line->str);

  g_string_truncate (line, 0);
  for (guint c = 0; c < shape->n_columns; c++)
    g_string_append_printf (line, "%s%s", c > 0 ? "  |  " : "", shape->headers[c]);
  g_string_append (content, "0 -24 Td\n");
  append_pdf_text (content, line->str);

  for (guint r = 0; r < rows; r++)
    {
      g_string_truncate (line, 0);
      for (guint c = 0; c < shape->n_columns; c++)
        {
          if (c > 0)
            g_string_append (line, "  |  ");
          append_cell (line, kind, r, c);
        }
      g_string_append (content, "0 -16 Td\n");
      append_pdf_text (content, line->str);
    }
  g_string_append (content, "ET\n");

  offsets[1] = out->len;
  g_string_append (out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = out->len;
  g_string_append (out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = out->len;
  g_string_append (out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                        "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
  offsets[4] = out->len;
  g_string_append_printf (out, "4 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n", content->len);
  g_string_append_len (out, content->str, content->len);
  g_string_append (out, "endstream\nendobj\n");
  offsets[5] = out->len;
  g_string_append (out, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                        "/Encoding /WinAnsiEncoding >>\nendobj\n");

  xref = out->len;
  g_string_append (out, "xref\n0 6\n0000000000 65535 f \n");
  for (guint i = 1; i < 6; i++)
    g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (out, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  return g_string_free_to_bytes (out);
}

/* A ZIP archive with stored (uncompressed) entries. */
typedef struct
{
  GByteArray *data;
  GByteArray *directory;
  guint16     n_entries;
} ZipWriter;

static void
put16 (GByteArray *array,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (array, bytes, 2);
}

static void
put32 (GByteArray *array,
       guint32     value)
{
  guint8 bytes[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff };

  g_byte_array_append (array, bytes, 4);
}

static void
zip_add (ZipWriter    *zip,
         const char   *name,
         const guint8 *data,
         gsize         length)
{
  /* 2024-09-19 10:02:54 in MS-DOS form. */
  const guint dos_time = (10 << 11) | (2 << 5) | (54 / 2);
  const guint dos_date = ((2024 - 1980) << 9) | (9 << 5) | 19;
  guint32 crc = jd_demo_data_crc32 (0, data, length);
  guint32 offset = zip->data->len;
  gsize name_length = strlen (name);

  put32 (zip->data, 0x04034b50);
  put16 (zip->data, 20);                /* version needed */
  put16 (zip->data, 0x0800);            /* names are UTF-8 */
  put16 (zip->data, 0);                 /* stored */
  put16 (zip->data, dos_time);
  put16 (zip->data, dos_date);
  put32 (zip->data, crc);
  put32 (zip->data, (guint32) length);
  put32 (zip->data, (guint32) length);
  put16 (zip->data, (guint) name_length);
  put16 (zip->data, 0);
  g_byte_array_append (zip->data, (const guint8 *) name, (guint) name_length);
  g_byte_array_append (zip->data, data, (guint) length);

  put32 (zip->directory, 0x02014b50);
  put16 (zip->directory, 20);           /* made by: MS-DOS, 2.0 */
  put16 (zip->directory, 20);
  put16 (zip->directory, 0x0800);
  put16 (zip->directory, 0);
  put16 (zip->directory, dos_time);
  put16 (zip->directory, dos_date);
  put32 (zip->directory, crc);
  put32 (zip->directory, (guint32) length);
  put32 (zip->directory, (guint32) length);
  put16 (zip->directory, (guint) name_length);
  put16 (zip->directory, 0);            /* extra */
  put16 (zip->directory, 0);            /* comment */
  put16 (zip->directory, 0);            /* disk */
  put16 (zip->directory, 0);            /* internal attributes */
  put32 (zip->directory, 0);            /* external attributes */
  put32 (zip->directory, offset);
  g_byte_array_append (zip->directory, (const guint8 *) name, (guint) name_length);

  zip->n_entries++;
}

static void
zip_add_string (ZipWriter  *zip,
                const char *name,
                GString    *text)
{
  zip_add (zip, name, (const guint8 *) text->str, text->len);
}

static GBytes *
zip_finish (ZipWriter *zip)
{
  guint32 directory_offset = zip->data->len;
  guint32 directory_size = zip->directory->len;

  g_byte_array_append (zip->data, zip->directory->data, zip->directory->len);
  put32 (zip->data, 0x06054b50);
  put16 (zip->data, 0);
  put16 (zip->data, 0);
  put16 (zip->data, zip->n_entries);
  put16 (zip->data, zip->n_entries);
  put32 (zip->data, directory_size);
  put32 (zip->data, directory_offset);
  put16 (zip->data, 0);

  g_byte_array_unref (zip->directory);
  return g_byte_array_free_to_bytes (zip->data);
}

static void
zip_init (ZipWriter *zip)
{
  zip->data = g_byte_array_new ();
  zip->directory = g_byte_array_new ();
  zip->n_entries = 0;
}

#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define RELS_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define OFFICE_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static GBytes *
build_xlsx (const JdDemoOutput *output,
            TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  guint rows = MIN (output->csv_rows, PREVIEW_ROWS);
  g_autoptr(GString) part = g_string_new (NULL);
  g_autoptr(GString) cell = g_string_new (NULL);
  ZipWriter zip;

  zip_init (&zip);

  g_string_assign (part, XML_DECLARATION
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                   "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                   "</Types>");
  zip_add_string (&zip, "[Content_Types].xml", part);

  g_string_assign (part, XML_DECLARATION
                   "<Relationships xmlns=\"" RELS_NS "\">"
                   "<Relationship Id=\"rId1\" Type=\"" OFFICE_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                   "</Relationships>");
  zip_add_string (&zip, "_rels/.rels", part);

  g_string_assign (part, XML_DECLARATION
                   "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                   "xmlns:r=\"" OFFICE_REL "\">"
                   "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  zip_add_string (&zip, "xl/workbook.xml", part);

  g_string_assign (part, XML_DECLARATION
                   "<Relationships xmlns=\"" RELS_NS "\">"
                   "<Relationship Id=\"rId1\" Type=\"" OFFICE_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                   "</Relationships>");
  zip_add_string (&zip, "xl/_rels/workbook.xml.rels", part);

  g_string_assign (part, XML_DECLARATION
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
  for (guint r = 0; r <= rows; r++)
    {
      g_string_append_printf (part, "<row r=\"%u\">", r + 1);
      for (guint c = 0; c < shape->n_columns; c++)
        {
          g_string_truncate (cell, 0);
          if (r == 0)
            g_string_append (cell, shape->headers[c]);
          else
            append_cell (cell, kind, r - 1, c);

          if (r > 0 && column_is_numeric (kind, c))
            {
              g_string_append_printf (part, "<c r=\"%c%u\"><v>%s</v></c>", 'A' + c, r + 1, cell->str);
            }
          else
            {
              g_string_append_printf (part, "<c r=\"%c%u\" t=\"inlineStr\"><is><t>", 'A' + c, r + 1);
              append_xml_escaped (part, cell->str);
              g_string_append (part, "</t></is></c>");
            }
        }
      g_string_append (part, "</row>");
    }
  g_string_append (part, "</sheetData></worksheet>");
  zip_add_string (&zip, "xl/worksheets/sheet1.xml", part);

  return zip_finish (&zip);
}

static void
append_docx_paragraph (GString    *out,
                       const char *text,
                       gboolean    bold)
{
  g_string_append (out, bold ? "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
                             : "<w:p><w:r><w:t xml:space=\"preserve\">");
  append_xml_escaped (out, text);
  g_string_append (out, "</w:t></w:r></w:p>");
}

static GBytes *
build_docx (const JdDemoJob    *job,
            const JdDemoOutput *output,
            TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  guint rows = MIN (output->csv_rows, PREVIEW_ROWS);
  g_autoptr(GString) part = g_string_new (NULL);
  g_autoptr(GString) cell = g_string_new (NULL);
  ZipWriter zip;

  zip_init (&zip);

  g_string_assign (part, XML_DECLARATION
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                   "</Types>");
  zip_add_string (&zip, "[Content_Types].xml", part);

  g_string_assign (part, XML_DECLARATION
                   "<Relationships xmlns=\"" RELS_NS "\">"
                   "<Relationship Id=\"rId1\" Type=\"" OFFICE_REL "/officeDocument\" Target=\"word/document.xml\"/>"
                   "</Relationships>");
  zip_add_string (&zip, "_rels/.rels", part);

  g_string_assign (part, XML_DECLARATION
                   "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  append_docx_paragraph (part, job->workflow != NULL ? job->workflow->name : "Job output", TRUE);
  g_string_truncate (cell, 0);
  g_string_append_printf (cell, "Job %s: %s", job->id, jd_demo_data_file_basename (output->file_name));
  append_docx_paragraph (part, cell->str, FALSE);

  g_string_append (part, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
  for (guint c = 0; c < shape->n_columns; c++)
    g_string_append (part, "<w:gridCol w:w=\"1300\"/>");
  g_string_append (part, "</w:tblGrid>");
  for (guint r = 0; r <= rows; r++)
    {
      g_string_append (part, "<w:tr>");
      for (guint c = 0; c < shape->n_columns; c++)
        {
          g_string_truncate (cell, 0);
          if (r == 0)
            g_string_append (cell, shape->headers[c]);
          else
            append_cell (cell, kind, r - 1, c);
          g_string_append (part, "<w:tc>");
          append_docx_paragraph (part, cell->str, r == 0);
          g_string_append (part, "</w:tc>");
        }
      g_string_append (part, "</w:tr>");
    }
  g_string_append (part, "</w:tbl><w:sectPr/></w:body></w:document>");
  zip_add_string (&zip, "word/document.xml", part);

  return zip_finish (&zip);
}

/* Not the real format, but it starts like one: a 512-byte header that
 * begins "Alteryx Database File", the record layout as UTF-16 XML, then
 * length-prefixed UTF-8 records. */
static GBytes *
build_yxdb (const JdDemoOutput *output,
            TableKind           kind)
{
  const TableShape *shape = &table_shapes[kind];
  GByteArray *out = g_byte_array_sized_new (512 + output->csv_rows * 64);
  g_autoptr(GString) xml = g_string_new ("<RecordInfo>\n");
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree gunichar2 *utf16 = NULL;
  glong utf16_length = 0;
  guint8 header[512] = { 0 };

  for (guint c = 0; c < shape->n_columns; c++)
    g_string_append_printf (xml, "\t<Field name=\"%s\" type=\"%s\" size=\"%u\"/>\n", shape->headers[c],
                            column_is_numeric (kind, c) ? "Double" : "V_WString",
                            column_is_numeric (kind, c) ? 8 : 254);
  g_string_append (xml, "</RecordInfo>\n");
  utf16 = g_utf8_to_utf16 (xml->str, -1, NULL, &utf16_length, NULL);

  memcpy (header, "Alteryx Database File", strlen ("Alteryx Database File"));
  header[64] = 0x01;                                  /* file id */
  header[104] = (guint8) (utf16_length & 0xff);       /* metadata length, UTF-16 units */
  header[105] = (guint8) ((utf16_length >> 8) & 0xff);
  header[108] = (guint8) (output->csv_rows & 0xff);
  header[109] = (guint8) ((output->csv_rows >> 8) & 0xff);
  header[110] = (guint8) ((output->csv_rows >> 16) & 0xff);
  g_byte_array_append (out, header, sizeof header);

  for (glong i = 0; i < utf16_length; i++)
    put16 (out, utf16[i]);

  for (guint r = 0; r < output->csv_rows; r++)
    {
      for (guint c = 0; c < shape->n_columns; c++)
        {
          g_string_truncate (cell, 0);
          append_cell (cell, kind, r, c);
          put16 (out, (guint) cell->len);
          g_byte_array_append (out, (const guint8 *) cell->str, (guint) cell->len);
        }
    }

  return g_byte_array_free_to_bytes (out);
}

static GBytes *
build_zip (const JdDemoOutput *output,
           TableKind           kind)
{
  g_autoptr(GBytes) csv = build_csv (kind, output->csv_rows);
  g_autofree char *stem = g_strdup (jd_demo_data_file_basename (output->file_name));
  g_autofree char *name = NULL;
  char *dot = strrchr (stem, '.');
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (csv, &length);
  ZipWriter zip;

  if (dot != NULL)
    *dot = '\0';
  name = g_strconcat (stem, ".csv", NULL);

  zip_init (&zip);
  zip_add (&zip, name, data, length);
  return zip_finish (&zip);
}

typedef struct
{
  const char *format;
  const char *extension;
  const char *content_type;
} FormatInfo;

static const FormatInfo format_infos[] = {
  { "Csv", "csv", "text/csv; charset=utf-8" },
  { "Html", "html", "text/html; charset=utf-8" },
  { "Pdf", "pdf", "application/pdf" },
  { "Xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "Docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { "Zip", "zip", "application/zip" },
  { "Yxdb", "yxdb", "application/octet-stream" },
};

static const FormatInfo *
find_format (const char *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_infos); i++)
    {
      if (g_ascii_strcasecmp (format_infos[i].format, format) == 0)
        return &format_infos[i];
    }

  return NULL;
}

static const FormatInfo *
format_of_file (const char *file_name)
{
  const char *dot = strrchr (jd_demo_data_file_basename (file_name), '.');

  if (dot != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (format_infos); i++)
        {
          if (g_ascii_strcasecmp (format_infos[i].extension, dot + 1) == 0)
            return &format_infos[i];
        }
    }

  return &format_infos[0];
}

GBytes *
jd_demo_data_build_output (const JdDemoJob     *job,
                           const JdDemoOutput  *output,
                           const char          *format,
                           char               **content_type,
                           char               **file_name)
{
  TableKind kind = table_kind (job);
  gboolean raw = g_ascii_strcasecmp (format, "Raw") == 0;
  const FormatInfo *info = raw ? format_of_file (output->file_name) : find_format (format);
  GBytes *bytes;

  if (info == NULL)
    return NULL;

  if (g_str_equal (info->format, "Csv"))
    bytes = build_csv (kind, output->csv_rows);
  else if (g_str_equal (info->format, "Html"))
    bytes = build_html (job, output, kind);
  else if (g_str_equal (info->format, "Pdf"))
    bytes = build_pdf (job, output, kind);
  else if (g_str_equal (info->format, "Xlsx"))
    bytes = build_xlsx (output, kind);
  else if (g_str_equal (info->format, "Docx"))
    bytes = build_docx (job, output, kind);
  else if (g_str_equal (info->format, "Zip"))
    bytes = build_zip (output, kind);
  else
    bytes = build_yxdb (output, kind);

  if (content_type != NULL)
    *content_type = g_strdup (raw ? "application/octet-stream" : info->content_type);

  if (file_name != NULL)
    {
      const char *base = jd_demo_data_file_basename (output->file_name);
      const char *dot = strrchr (base, '.');

      if (raw || dot == NULL)
        *file_name = g_strdup (base);
      else
        *file_name = g_strdup_printf ("%.*s.%s", (int) (dot - base), base, info->extension);
    }

  return bytes;
}

