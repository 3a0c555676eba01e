package org.lightbox.viewer;

import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.lightbox.help.KeyboardShortcuts;
import org.lightbox.ui.Stylesheets;

/**
 * The image viewer pane: a tool bar, the series strip (this request's studies, then priors) and
 * one to four viewports. Every action has a key (see {@link KeyboardShortcuts#VIEWER}).
 */
public final class ViewerView extends BorderPane {
    private final ViewerViewModel model;
    private final List<ViewportView> viewportViews = new ArrayList<>();
    private final GridPane grid = new GridPane();
    private final VBox strip = new VBox(8);

    public ViewerView(ViewerViewModel model) {
        this.model = model;
        setId("viewer");
        getStyleClass().add("viewer");
        Stylesheets.add(this, ViewerView.class, "viewer.css");
        for (ViewportViewModel viewport : model.viewports()) {
            viewportViews.add(new ViewportView(viewport, model));
        }
        grid.getStyleClass().add("viewport-grid");
        grid.setMinSize(0, 0);
        setTop(toolBar());
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToWidth(true);
        stripScroll.getStyleClass().add("series-strip");
        stripScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        strip.getStyleClass().add("series-strip-content");
        setLeft(stripScroll);
        setCenter(grid);
        model.layoutProperty().addListener(o -> layoutViewports());
        model.thumbnails().addListener((javafx.collections.ListChangeListener<SeriesThumbnail>) c -> fillStrip());
        layoutViewports();
        fillStrip();
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventFilter(KeyEvent.ANY, e -> model.activity());
        addEventFilter(javafx.scene.input.MouseEvent.ANY, e -> model.activity());
    }

    private FlowPane toolBar() {
        ToggleGroup layouts = new ToggleGroup();
        FlowPane bar = new FlowPane(4, 4);
        bar.getStyleClass().add("viewer-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Layout layout : Layout.values()) {
            ToggleButton b = new ToggleButton(layout.label());
            b.setId("layout-" + layout.label());
            b.setToggleGroup(layouts);
            b.setSelected(model.layoutProperty().get() == layout);
            b.setOnAction(e -> model.setLayout(layout));
            model.layoutProperty().addListener((o, old, now) -> b.setSelected(now == layout));
            b.setTooltip(new Tooltip("Layout " + layout.label() + " (Alt+" + (layout.ordinal() + 1) + ")"));
            bar.getChildren().add(b);
        }
        bar.getChildren().add(separator());
        ToggleGroup tools = new ToggleGroup();
        for (Tool tool : Tool.values()) {
            ToggleButton b = new ToggleButton(tool.label());
            b.setId("tool-" + tool.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(tools);
            b.setSelected(model.toolProperty().get() == tool);
            b.setOnAction(e -> model.toolProperty().set(tool));
            model.toolProperty().addListener((o, old, now) -> b.setSelected(now == tool));
            bar.getChildren().add(b);
        }
        bar.getChildren().add(separator());
        ToggleButton sync = new ToggleButton("Sync");
        sync.selectedProperty().bindBidirectional(model.synchronizedScrollingProperty());
        sync.setTooltip(new Tooltip("Synchronized scrolling by slice position (S)"));
        ToggleButton overlay = new ToggleButton("Overlay");
        overlay.selectedProperty().bindBidirectional(model.overlayShownProperty());
        overlay.setTooltip(new Tooltip("Four-corner overlay (O)"));
        Button cine = new Button("Cine");
        cine.setId("cine");
        cine.textProperty().bind(javafx.beans.binding.Bindings.when(model.cinePlayingProperty()).then("Stop").otherwise("Cine"));
        cine.setOnAction(e -> model.toggleCine());
        Spinner<Integer> fps = new Spinner<>(1, 60, model.cineFpsProperty().get());
        fps.setPrefWidth(70);
        fps.valueProperty().addListener((o, old, now) -> model.cineFpsProperty().set(now));
        model.cineFpsProperty().addListener((o, old, now) -> fps.getValueFactory().setValue(now.intValue()));
        fps.setTooltip(new Tooltip("Cine frames per second ([ and ])"));
        Button export = new Button("PNG");
        export.setOnAction(e -> exportActive());
        export.setTooltip(new Tooltip("Export the active viewport as PNG (Ctrl+E)"));
        Label status = new Label();
        status.setId("viewer-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        Label help = new Label("Keys?");
        help.getStyleClass().add("muted");
        help.setTooltip(new Tooltip(KeyboardShortcuts.group(KeyboardShortcuts.VIEWER).text()));
        bar.getChildren().addAll(sync, overlay, cine, fps, new Label("fps"), export, help, status);
        bar.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        return bar;
    }

    private static Node separator() {
        Region gap = new Region();
        gap.setMinWidth(8);
        return gap;
    }

    private void layoutViewports() {
        Layout layout = model.layoutProperty().get();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int c = 0; c < layout.columns(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / layout.columns());
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < layout.rows(); r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / layout.rows());
            grid.getRowConstraints().add(row);
        }
        for (int i = 0; i < layout.viewports(); i++) {
            ViewportView view = viewportViews.get(i);
            GridPane.setHgrow(view, Priority.ALWAYS);
            GridPane.setVgrow(view, Priority.ALWAYS);
            grid.add(view, i % layout.columns(), i / layout.columns());
        }
    }

    private void fillStrip() {
        strip.getChildren().clear();
        for (SeriesThumbnail thumbnail : model.thumbnails()) {
            strip.getChildren().add(new SeriesThumbnailView(thumbnail,
                    () -> model.showSeries(model.active().slot(), thumbnail.series().id())));
        }
    }

    /** Gives the keyboard to the active viewport, e.g. once a request is opened from the worklist. */
    public void focusActiveViewport() {
        viewportViews.get(model.active().slot()).requestFocus();
    }

    private void exportActive() {
        ViewportView view = viewportViews.get(model.active().slot());
        model.export(SwingFXUtils.fromFXImage(view.snapshot(null, null), null));
    }

    private void keyPressed(KeyEvent e) {
        if (handle(e)) {
            e.consume();
        }
    }

    private boolean handle(KeyEvent e) {
        ViewportViewModel v = model.active();
        KeyCode code = e.getCode();
        if (e.isShortcutDown()) {
            if (code == KeyCode.E) {
                exportActive();
                return true;
            }
            return false;
        }
        if (e.isAltDown()) {
            int n = digit(code);
            if (n >= 1 && n <= Layout.values().length) {
                model.setLayout(Layout.values()[n - 1]);
                return true;
            }
            return false;
        }
        int digit = digit(code);
        if (digit == 0) {
            v.resetWindow();
            return true;
        }
        if (digit > 0) {
            model.applyPreset(digit);
            return true;
        }
        int page = v.hasImages() ? Math.max(1, v.seriesProperty().get().size() / 10) : 1;
        switch (code) {
            case UP -> v.scroll(-1);
            case DOWN -> v.scroll(1);
            case PAGE_UP -> v.scroll(-page);
            case PAGE_DOWN -> v.scroll(page);
            case HOME -> v.goTo(0);
            case END -> v.goTo(v.hasImages() ? v.seriesProperty().get().size() - 1 : 0);
            case LEFT -> model.stepSeries(-1);
            case RIGHT -> model.stepSeries(1);
            case C -> model.nextFileVoi();
            case I -> v.toggleInvert();
            case R -> v.rotate(e.isShiftDown() ? -1 : 1);
            case H -> v.flipHorizontally();
            case V -> v.flipVertically();
            case F -> v.fit();
            case A -> v.oneToOne();
            case PLUS, EQUALS, ADD -> v.zoom(1.25);
            case MINUS, SUBTRACT -> v.zoom(0.8);
            case ESCAPE -> v.reset();
            case O -> model.overlayShownProperty().set(!model.overlayShownProperty().get());
            case S -> model.synchronizedScrollingProperty().set(!model.synchronizedScrollingProperty().get());
            case TAB -> {
                model.nextViewport();
                focusActiveViewport();
            }
            case SPACE -> model.toggleCine();
            case OPEN_BRACKET -> model.changeCineFps(-1);
            case CLOSE_BRACKET -> model.changeCineFps(1);
            case W -> model.toolProperty().set(Tool.WINDOW);
            case D -> model.toolProperty().set(Tool.DISTANCE);
            case E -> model.toolProperty().set(Tool.ELLIPSE);
            case P -> model.toolProperty().set(Tool.PAN);
            case Z -> model.toolProperty().set(Tool.ZOOM);
            case DELETE, BACK_SPACE -> v.deleteLastMeasurement();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            return Character.getNumericValue(name.charAt(name.length() - 1));
        }
        return -1;
    }
}
