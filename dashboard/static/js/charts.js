// Draws every chart on the page from the JSON option in its data-option attribute,
// and exports a chart as PNG (2× for slides) or SVG with its title, unit, source and
// data-as-of time drawn on the image. Options are built on the server; no inline
// script is needed (strict CSP). Tooltips render as rich text, not HTML, so no
// user-supplied text is ever parsed as markup and no inline style is needed.
(function () {
  "use strict";
  // Single quotes: ECharts writes the family into SVG style="…" attributes, where a
  // double quote would end the attribute and make the file invalid XML.
  // A page may name its own face (the report's charts: the document's Times New Roman).
  var FONT = (document.body && document.body.getAttribute("data-font")) || "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
  var charts = {};

  // Numbers are written as readers write them: 1.234,5 in Vietnamese, 1,234.5 in English.
  var LOCALE = document.documentElement.lang === "en" ? "en-US" : "vi-VN";
  var NF = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 3 });
  function fmt(v) {
    if (Array.isArray(v)) { v = v[v.length - 1]; }
    // go-echarts writes decimals as JSON strings ("17.8"): they are numbers all the same.
    if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) { v = Number(v); }
    return typeof v === "number" && isFinite(v) ? NF.format(v) : (v == null ? "—" : String(v));
  }

  // isValueAxis: ECharts' defaults apply when the option names no type (x: category,
  // y: value), and a value axis without an explicit type must still be localised.
  function isValueAxis(ax, k) {
    if (ax.type) { return ax.type === "value" || ax.type === "log"; }
    return k === "yAxis" && !ax.data;
  }

  function localNumber(p) { return fmt(p && typeof p === "object" ? p.value : p); }

  // localizeMarks gives mark lines, mark points and mark areas that print their value
  // the reader's format; a label the server wrote ("{b}": the target as words) stays.
  function localizeMarks(s) {
    ["markLine", "markPoint", "markArea"].forEach(function (k) {
      var m = s[k];
      if (!m) { return; }
      m.label = m.label || {};
      if (!m.label.formatter) {
        m.label.formatter = k === "markArea" ? function (p) { return p.name || ""; } : function (p) { return p.name && k === "markPoint" ? p.name : localNumber(p); };
      }
      [].concat(m.data || []).forEach(function (d) {
        [].concat(d || []).forEach(function (item) {
          if (item && item.label && !item.label.formatter && k !== "markArea") { item.label.formatter = m.label.formatter; }
        });
      });
    });
  }

  // localize gives every number drawn on a chart the reader's format — value axes
  // (with or without an explicit type), value labels, mark lines, visual maps and
  // tooltips — unless the server's option already chose a formatter.
  function localize(o) {
    ["xAxis", "yAxis"].forEach(function (k) {
      [].concat(o[k] || []).forEach(function (ax) {
        if (!ax) { return; }
        // containLabel measures labels in their own font, not the global one: name it here
        // or long labels are measured narrow and cut at the edge.
        ax.axisLabel = ax.axisLabel || {};
        ax.axisLabel.fontFamily = ax.axisLabel.fontFamily || FONT;
        if (isValueAxis(ax, k)) {
          if (!ax.axisLabel.formatter) { ax.axisLabel.formatter = fmt; }
          ax.axisPointer = ax.axisPointer || {};
          ax.axisPointer.label = ax.axisPointer.label || {};
          if (!ax.axisPointer.label.formatter) { ax.axisPointer.label.formatter = localNumber; }
        }
        if (ax.type === "category" && k === "yAxis") {
          // A long project or zone name is shortened with "…"; the tooltip shows it whole.
          if (!ax.axisLabel.width) { ax.axisLabel.width = 360; ax.axisLabel.overflow = "truncate"; }
          // The value axis is then horizontal: its unit goes under it, not past its end.
          [].concat(o.xAxis || []).forEach(function (x) {
            if (x && x.type === "value" && x.name && !x.nameLocation) { x.nameLocation = "middle"; x.nameGap = 28; }
          });
        }
      });
    });
    [].concat(o.series || []).forEach(function (s) {
      if (!s) { return; }
      if (s.label && s.label.show && !s.label.formatter) {
        s.label.formatter = function (p) { return fmt(p.value); };
      }
      localizeMarks(s);
    });
    [].concat(o.visualMap || []).forEach(function (vm) {
      if (vm && !vm.formatter) {
        vm.formatter = function (a, b) { return b === undefined ? fmt(a) : fmt(a) + " – " + fmt(b); };
      }
    });
    if (o.tooltip && !o.tooltip.valueFormatter) { o.tooltip.valueFormatter = fmt; }
    // Long Vietnamese names on category axes must not be cut at the chart's edge.
    if (o.xAxis || o.yAxis) {
      o.grid = [].concat(o.grid || [{}]).map(function (g) {
        if (g.containLabel === undefined) { g.containLabel = true; }
        if (g.right === undefined) { g.right = 48; }
        return g;
      });
    }
  }

  var measurer = document.createElement("canvas").getContext("2d");
  function textWidth(s, size) {
    measurer.font = size + "px " + FONT;
    return measurer.measureText(String(s || "")).width;
  }

  function px(v, dflt) { var n = parseInt(v, 10); return isNaN(n) ? dflt : n; }

  // fitToWidth lays a chart out for the box it is drawn in: a title longer than the
  // box wraps (instead of being cut at both edges on a phone) and pushes the plot
  // down; the legend shows every entry, on as many rows as it needs (a paged legend
  // hid the forecast entry behind "1/2"), and the plot leaves room for it.
  function fitToWidth(o, width) {
    var extraTop = 0;
    // Long category names get at most 40 % of a narrow box; the bars keep the rest.
    [].concat(o.yAxis || []).forEach(function (ax) {
      if (ax && ax.type === "category" && ax.axisLabel && ax.axisLabel.overflow === "truncate") {
        ax.axisLabel.width = Math.min(ax.axisLabel.width, Math.round(width * 0.4));
      }
    });
    // Value labels never print over each other on a narrow axis.
    ["xAxis", "yAxis"].forEach(function (k) {
      [].concat(o[k] || []).forEach(function (ax) {
        if (ax && ax.axisLabel && ax.axisLabel.formatter === fmt) { ax.axisLabel.hideOverlap = true; }
      });
    });
    [].concat(o.title || []).forEach(function (t) {
      if (!t || !t.text) { return; }
      t.textStyle = t.textStyle || {};
      var size = t.textStyle.fontSize || 18, room = width - 24;
      var lines = Math.ceil(textWidth(t.text, size) / room);
      if (lines > 1) {
        t.textStyle.width = room;
        t.textStyle.overflow = "break";
        t.textStyle.lineHeight = Math.round(size * 1.3);
        extraTop += (lines - 1) * t.textStyle.lineHeight;
      }
    });
    var legendRows = 0;
    [].concat(o.legend || []).forEach(function (l) {
      if (!l || l.show === false) { return; }
      l.type = "plain";
      var names = [].concat(o.series || []).map(function (s) { return s && s.name; }).filter(Boolean);
      var row = 0, rows = 1, room = width - 20;
      names.forEach(function (n) {
        var w = textWidth(n, 12) + 40;
        if (row > 0 && row + w > room) { rows++; row = 0; }
        row += w;
      });
      legendRows = Math.max(legendRows, rows);
    });
    [].concat(o.grid || []).forEach(function (g) {
      if (extraTop) { g.top = px(g.top, 60) + extraTop; }
      if (legendRows > 1) { g.bottom = Math.max(px(g.bottom, 40), 16 + legendRows * 24); }
    });
    if (extraTop) {
      [].concat(o.title || []).forEach(function (t) { if (t && t.subtext) { t.itemGap = 4; } });
    }
  }

  function optionOf(el, width) {
    var o = JSON.parse(el.getAttribute("data-option"));
    if (o.tooltip) { o.tooltip.renderMode = "richText"; o.tooltip.confine = true; }
    o.textStyle = { fontFamily: FONT };
    localize(o);
    fitToWidth(o, width || el.clientWidth || 600);
    return o;
  }

  // hasData: whether any series holds at least one number. A chart without one shows
  // "no data yet" in its box, not a bare axis, and offers no image export.
  function hasData(o) {
    return [].concat(o.series || []).some(function (s) {
      return s && [].concat(s.data || []).some(function (d) {
        var v = d && typeof d === "object" && !Array.isArray(d) ? d.value : d;
        if (Array.isArray(v)) { v = v[v.length - 1]; }
        return v !== null && v !== "" && v !== "-" && isFinite(Number(v));
      });
    });
  }

  function showEmpty(el) {
    el.dataset.drawn = "empty";
    el.textContent = "";
    var p = document.createElement("p");
    p.className = "chart-empty";
    p.textContent = document.body.dataset.lNodata || "—";
    el.appendChild(p);
    document.querySelectorAll('.export-png[data-chart="' + el.id + '"], .export-svg[data-chart="' + el.id + '"]').forEach(function (b) { b.remove(); });
  }

  // fitRows gives a ranking (a category axis down the side) at least ROW px per bar,
  // so its names never print over each other on a phone (16 zones in a 280 px box
  // did); the box grows, the page scrolls. Print charts (a renderer named) keep the
  // printed size.
  var ROW = 22;
  function fitRows(el, o) {
    if (el.dataset.renderer) { return; }
    var n = 0;
    [].concat(o.yAxis || []).forEach(function (ax) {
      if (ax && ax.type === "category" && ax.data) { n = Math.max(n, ax.data.length); }
    });
    var g = [].concat(o.grid || [{}])[0] || {};
    var need = n * ROW + px(g.top, 60) + px(g.bottom, 40);
    if (n > 0 && need > el.clientHeight) { el.style.height = need + "px"; }
  }

  function draw() {
    document.querySelectorAll(".chart[data-option]").forEach(function (el) {
      try {
        var opt = optionOf(el);
        if (!hasData(opt)) { showEmpty(el); return; }
        fitRows(el, opt);
        var chart = echarts.init(el, null, { renderer: el.dataset.renderer || "canvas" });
        chart.setOption(opt);
        charts[el.id] = chart;
        el.dataset.drawn = "true";
      } catch (e) {
        el.dataset.drawn = "error";
        console.error("chart " + el.id + ": " + e);
      }
    });
    window.addEventListener("resize", function () {
      Object.keys(charts).forEach(function (id) { charts[id].resize(); });
    });
    window.addEventListener("beforeprint", function () {
      Object.keys(charts).forEach(function (id) { charts[id].resize(); });
    });
    document.body.dataset.chartsReady = "true";
  }

  // showSmallDetail: a card's trend hides its legend and target labels (the card's
  // text says them); its exported image stands alone, so it shows both.
  function showSmallDetail(o) {
    [].concat(o.legend || []).forEach(function (l) { if (l) { l.show = true; l.type = "plain"; } });
    [].concat(o.series || []).forEach(function (s) {
      ["markLine", "markPoint", "markArea"].forEach(function (k) {
        [].concat((s && s[k] && s[k].data) || []).forEach(function (d) {
          [].concat(d || []).forEach(function (item) { if (item && item.label) { item.label.show = true; } });
        });
      });
    });
    [].concat(o.yAxis || []).forEach(function (ax) { if (ax) { delete ax.splitNumber; } });
    [].concat(o.grid || []).forEach(function (g) { if (g) { g.left = 56; g.right = 48; } });
  }

  // exportOption adds what a slide needs to stand alone: title and unit on top, the
  // source and the data-as-of time at the bottom.
  function exportOption(el, width) {
    var b = document.body.dataset;
    var o = optionOf(el, width);
    o.animation = false;
    if (el.classList.contains("chart-small")) { showSmallDetail(o); }
    o.title = { text: el.dataset.title || "", subtext: el.dataset.unit ? b.lUnit + ": " + el.dataset.unit : "",
      left: "center", top: 12, textStyle: { fontSize: 20, fontFamily: FONT }, subtextStyle: { fontSize: 13, fontFamily: FONT } };
    var grids = [].concat(o.grid || [{}]);
    var extra = el.dataset.note ? 32 : 0; // the merger note takes two more footer lines
    grids.forEach(function (g) { g.top = 84; g.bottom = 112 + extra; g.containLabel = true; });
    o.grid = grids;
    if (o.legend) { [].concat(o.legend).forEach(function (l) { l.bottom = 64 + extra; l.top = null; }); }
    var foot = (el.dataset.note ? el.dataset.note + "\n" : "") + (el.dataset.source ? b.lSource + ": " + el.dataset.source + "\n" : "") +
      b.lAsof + " " + (el.dataset.asof || "—") + " · " + b.lVersion + " " + (el.dataset.stamp || "—") + " · " + b.lApp;
    o.graphic = [{ type: "text", left: 16, bottom: 6,
      style: { text: foot, fontSize: 12, fill: "#444", fontFamily: FONT, width: width - 32, overflow: "break", lineHeight: 16 } }];
    return o;
  }

  function save(name, url) {
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  // fileName says what the image holds (page, plan, indicator, chart, year, language,
  // data version: the server writes it into data-file), so two downloads never share a name.
  function fileName(el, ext) {
    return (el.dataset.file || "chitieu-" + el.id) + "." + ext;
  }

  var W = 1280, H = 720;

  function exportPNG(el) {
    var box = document.createElement("div");
    box.className = "export-box";
    document.body.appendChild(box);
    var c = echarts.init(box, null, { renderer: "canvas", width: W, height: H, devicePixelRatio: 2 });
    c.setOption(exportOption(el, W));
    var url = c.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    c.dispose();
    box.remove();
    save(fileName(el, "png"), url);
  }

  function exportSVG(el) {
    // Server-side rendering mode: the SVG is built as a string, no DOM involved.
    var c = echarts.init(null, null, { renderer: "svg", ssr: true, width: W, height: H });
    var o = exportOption(el, W);
    o.backgroundColor = "#fff";
    c.setOption(o);
    var svg = c.renderToSVGString();
    c.dispose();
    var url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
    save(fileName(el, "svg"), url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    if (t.matches(".print-page")) { window.print(); return; }
    var id = t.getAttribute("data-chart");
    var el = id && document.getElementById(id);
    if (!el) { return; }
    try {
      if (t.matches(".export-png")) { exportPNG(el); }
      if (t.matches(".export-svg")) { exportSVG(el); }
    } catch (e) {
      console.error("export " + id + ": " + e);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
