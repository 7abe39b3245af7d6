// 家门口: the candidate may let the phone say where home is. The point goes into the home form's hidden fields and is
// saved with it; nothing is sent until the person presses save. Without JavaScript or location the form still works
// with district, street and community alone.
const box = document.getElementById("home-point") as HTMLElement | null;
if (box) {
  const field = (name: string) => box.querySelector<HTMLInputElement>(`[data-testid="home-${name}"]`)!;
  const button = (name: string) => box.querySelector<HTMLButtonElement>(`[data-testid="home-${name}"]`)!;
  const status = box.querySelector<HTMLElement>('[data-testid="home-point-status"]')!;
  const locate = button("locate");
  const clear = button("unlocate");

  const show = (text: string, hasPoint: boolean) => {
    status.textContent = text;
    clear.hidden = !hasPoint;
  };

  if ("geolocation" in navigator) locate.hidden = false;
  locate.addEventListener("click", () => {
    show(box.dataset.locating ?? "", false);
    locate.disabled = true;
    navigator.geolocation.getCurrentPosition(position => {
      // Six decimals is about 0.1 m: more than enough, and keeps the form short.
      field("latitude").value = position.coords.latitude.toFixed(6);
      field("longitude").value = position.coords.longitude.toFixed(6);
      locate.disabled = false;
      show(box.dataset.located ?? "", true);
    }, () => {
      locate.disabled = false;
      show(box.dataset.failed ?? "", field("latitude").value !== "");
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });
  clear.addEventListener("click", () => {
    field("latitude").value = "";
    field("longitude").value = "";
    show("", false);
  });
}
